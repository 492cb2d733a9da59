//! Writes `schema/<name>.json` for every name of `secretariat::schema::NAMES` (`make schema`).

use secretariat_conformance::schema_files::{schema_dir, write_all};

fn main() -> std::process::ExitCode {
    let dir = schema_dir();
    match write_all(&dir) {
        Ok(names) => {
            println!("wrote {} schemas to {}", names.len(), dir.display());
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("write_schema: {}: {e}", dir.display());
            std::process::ExitCode::FAILURE
        }
    }
}
