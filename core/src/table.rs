//! Aligned plain-text tables for the reports a secretary reads in a terminal.

use std::fmt::Write as _;

/// Display width in terminal columns: CJK (and other wide) characters take two.
pub(crate) fn width(s: &str) -> usize {
    s.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// A section heading.
pub(crate) fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n== {title} ==");
}

/// A row of literal cells.
pub(crate) fn row<const N: usize>(cells: [&str; N]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

/// Writes rows as a table with columns padded to their widest cell; the last column is not
/// padded.
pub(crate) fn table(out: &mut String, rows: &[Vec<String>]) {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    for r in rows {
        let mut line = String::new();
        for (c, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < r.len() {
                let pad = widths
                    .get(c)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(width(cell));
                line.push_str(&" ".repeat(pad + 2));
            }
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_with_chinese_text() {
        let mut out = String::new();
        table(
            &mut out,
            &[
                row(["id", "name", "why"]),
                row(["1", "李娜", "x"]),
                row(["22", "Li", "y"]),
            ],
        );
        assert_eq!(out, "id  name  why\n1   李娜  x\n22  Li    y\n");
    }
}
