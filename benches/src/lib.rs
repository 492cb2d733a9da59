//! Benchmarks of the secretariat core: see `benches/`.
