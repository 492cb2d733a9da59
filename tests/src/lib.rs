//! Conformance vector runner (being written).
