//! Unit and property tests of the form checks.
