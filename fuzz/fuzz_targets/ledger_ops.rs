//! A sequence of ledger operations (a JSON array of `{"reserve"|"allocate"|"expense"|
//! "settle": {...}}`) applied to the sample year's ledger: never a panic, and an operation
//! that is refused (or only checked) leaves the ledger's serialisation byte-identical.
#![no_main]

use libfuzzer_sys::fuzz_target;
use secretariat::budget::{BudgetLedger, LedgerOperation};
use secretariat::input;

#[path = "sample.rs"]
mod sample;

fn serialised(ledger: &BudgetLedger) -> String {
    serde_json::to_string(ledger).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(operations) = input::from_json_str::<Vec<LedgerOperation>>(text) else {
        return;
    };
    let Some(f) = sample::sample() else {
        return;
    };
    let mut ledger = f.year.ledger.clone();
    for op in &operations {
        let before = serialised(&ledger);
        let _ = ledger.check(&f.rulebook, &f.roster, op);
        assert_eq!(serialised(&ledger), before, "check changed the ledger");
        if ledger.apply(&f.rulebook, &f.roster, op).is_err() {
            assert_eq!(
                serialised(&ledger),
                before,
                "a refused {op:?} changed the ledger"
            );
        }
    }
    // What is written reads back to the same ledger.
    let json = serialised(&ledger);
    let again: BudgetLedger = input::from_json_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(again, ledger);
});
