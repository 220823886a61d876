//! The policy catalogue (issue 17, item 4; `src/catalogue.rs`): one `RuleId` per rule, with its
//! id, section(s) and title, compared with DESIGN.md's catalogue ("The forms, and the policy
//! rules they enforce") so that neither drifts silently, and with the code that cites it: every
//! rule id written anywhere in the code is the catalogue's, every section cited beside one is
//! one of that rule's, and every rule is enforced by the core or planned by a named issue.
//!
//! DESIGN.md lives outside the repository (`../shared/DESIGN.md`); a verbatim copy of its
//! catalogue section is committed as `tests/fixtures/design_rules.md`. The catalogue is compared
//! with the copy always, and the copy with DESIGN.md wherever it is present (or where
//! `PREVENT_DESIGN_MD` points); when it is absent the test says so on its output.

use prevent_core::catalogue::{self, Kind, Status, ENTRIES};
use prevent_core::RuleId;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

const COPY: &str = include_str!("fixtures/design_rules.md");
const HEADING: &str = "## The forms, and the policy rules they enforce";

/// The workspace root (crates/core/../..).
fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

/// A rule id at the start of `s` ("PGA-7", "FORM-1"): 2 to 4 capitals, a hyphen, 1 or 2 digits
/// not followed by another digit. Its length, if so.
fn id_at(s: &[u8]) -> Option<usize> {
    let letters = s.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(2..=4).contains(&letters) || s.get(letters) != Some(&b'-') {
        return None;
    }
    let digits = s[letters + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=2).contains(&digits).then_some(letters + 1 + digits)
}

/// Every rule id in `text` (not part of a longer word or number: "PGA-20260302" is a reference).
fn ids_in(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        match id_at(&b[i..]).filter(|_| starts) {
            Some(n) => {
                out.push((i, &text[i..i + n]));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

/// The policy sections `text` names ("s8", "s10"), in order, without repeats.
fn sections_in(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let is_section = t
            .strip_prefix('s')
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        if is_section && !out.iter().any(|s| s == t) {
            out.push(t.to_string());
        }
    }
    out
}

/// DESIGN.md's section "The forms, and the policy rules they enforce".
fn catalogue_section(md: &str) -> &str {
    let start = md
        .find(HEADING)
        .unwrap_or_else(|| panic!("no section '{HEADING}'"));
    let body = &md[start..];
    let end = body[HEADING.len()..]
        .find("\n## ")
        .map_or(body.len(), |i| i + HEADING.len());
    &body[..end]
}

/// DESIGN.md's rules, in its order: (id, the whole text of its bullet).
fn design_rules(md: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    let mut open = false;
    for line in catalogue_section(md).lines() {
        if let Some(rest) = line.strip_prefix("- ") {
            let id = rest.split(' ').next().unwrap_or_default();
            open = id_at(id.as_bytes()) == Some(id.len());
            if open {
                out.push((id.to_string(), rest.to_string()));
            }
        } else if open && line.starts_with("  ") {
            let text = &mut out.last_mut().unwrap().1;
            text.push(' ');
            text.push_str(line.trim());
        } else {
            open = false;
        }
    }
    out
}

/// The sections DESIGN.md gives a rule: those its bullet cites; for a bullet that cites none,
/// those of the rules it names (SUP-1 "obeys PGA-16"); for REF-2..REF-4, "NRF" (the citation
/// note under the referral's rules).
fn design_sections(rules: &[(String, String)], id: &str) -> BTreeSet<String> {
    let (_, text) = rules.iter().find(|(i, _)| i == id).unwrap();
    let mut s: BTreeSet<String> = sections_in(text).into_iter().collect();
    if s.is_empty() {
        for (_, other) in ids_in(text).into_iter().filter(|(_, o)| *o != id) {
            s.extend(design_sections(rules, other));
        }
    }
    s
}

fn catalogue_sections(r: RuleId) -> BTreeSet<String> {
    r.sections().map(String::from).collect()
}

#[test]
fn catalogue_policy_rules_are_design_md_rules_in_its_order() {
    let design: Vec<String> = design_rules(COPY).into_iter().map(|(id, _)| id).collect();
    let ours: Vec<&str> = ENTRIES
        .iter()
        .filter(|e| e.kind == Kind::Policy)
        .map(|e| e.id)
        .collect();
    assert_eq!(
        ours, design,
        "src/catalogue.rs against DESIGN.md's catalogue"
    );
    assert_eq!(
        design.len(),
        45,
        "REF-1..4, PGA-1..22, PLP-1..14, INT-1..2, REV-1, TRF-1, SUP-1"
    );
    // The toolkit's own ids are not DESIGN.md's rules, and are named here, so that a new one
    // is a decision.
    let toolkit: Vec<&str> = ENTRIES
        .iter()
        .filter(|e| e.kind == Kind::Toolkit)
        .map(|e| e.id)
        .collect();
    assert_eq!(toolkit, ["DIF-1", "FORM-1", "SEC-4"]);
}

#[test]
fn catalogue_sections_are_the_sections_design_md_cites() {
    let rules = design_rules(COPY);
    for e in ENTRIES.iter().filter(|e| e.kind == Kind::Policy) {
        let mut want = design_sections(&rules, e.id);
        if want.is_empty() {
            // REF-2..REF-4: the note under the referral's rules.
            assert!(
                catalogue_section(COPY)
                    .contains("REF-2..REF-4 come from the public National Referral Form")
                    && catalogue_section(COPY).contains("cite them as \"NRF\""),
                "{}: DESIGN.md cites no section for it",
                e.id
            );
            assert!(["REF-2", "REF-3", "REF-4"].contains(&e.id), "{}", e.id);
            want.insert("NRF".into());
        }
        assert_eq!(catalogue_sections(e.rule), want, "{}'s sections", e.id);
        // Written in the policy's order, as cited.
        let numbers: Vec<u32> = e
            .rule
            .sections()
            .filter_map(|s| s.strip_prefix('s')?.parse().ok())
            .collect();
        assert!(
            numbers.windows(2).all(|w| w[0] < w[1]),
            "{}: {}",
            e.id,
            e.section
        );
    }
    // The toolkit's checks: DIF-1 cites s8 (the PGA's DIF); FORM-1 and SEC-4 cite none.
    assert_eq!(RuleId::Dif1.section(), "s8");
    assert_eq!((RuleId::Form1.section(), RuleId::Sec4.section()), ("", ""));
}

#[test]
fn the_committed_copy_is_design_md_s_catalogue() {
    let path = std::env::var_os("PREVENT_DESIGN_MD")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/DESIGN.md"));
    let Ok(md) = std::fs::read_to_string(&path) else {
        // Not captured by the test harness, so that a run without ../shared says so.
        let _ = writeln!(
            std::io::stderr(),
            "NOTE catalogue: {} is absent: the catalogue was compared with the committed copy \
             tests/fixtures/design_rules.md only (set PREVENT_DESIGN_MD to compare with DESIGN.md)",
            path.display()
        );
        return;
    };
    let (live, copy) = (design_rules(&md), design_rules(COPY));
    let ids = |r: &[(String, String)]| r.iter().map(|(i, _)| i.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&copy),
        ids(&live),
        "DESIGN.md's rule ids changed: refresh tests/fixtures/design_rules.md (see its README) and src/catalogue.rs"
    );
    for (id, _) in &live {
        assert_eq!(
            design_sections(&copy, id),
            design_sections(&live, id),
            "DESIGN.md's sections for {id} changed: refresh tests/fixtures/design_rules.md and src/catalogue.rs"
        );
    }
    assert!(
        catalogue_section(COPY).trim_end() == catalogue_section(&md).trim_end(),
        "DESIGN.md's catalogue section changed (its text, not its ids or sections): refresh \
         tests/fixtures/design_rules.md (see its README)"
    );
}

#[test]
fn rule_ids_parse_print_and_serialise_as_the_catalogue_writes_them() {
    for (i, e) in ENTRIES.iter().enumerate() {
        assert_eq!(e.rule as usize, i, "{}", e.id);
        assert_eq!(e.rule.entry(), e);
        assert_eq!(RuleId::parse(e.id), Some(e.rule));
        assert_eq!(e.id.parse::<RuleId>(), Ok(e.rule));
        assert_eq!(e.rule.to_string(), e.id);
        let json = serde_json::to_string(&e.rule).unwrap();
        assert_eq!(json, format!("\"{}\"", e.id));
        assert_eq!(serde_json::from_str::<RuleId>(&json).unwrap(), e.rule);
        assert!(!e.title.is_empty() && !e.title.ends_with('.'), "{}", e.id);
    }
    assert_eq!(RuleId::all().count(), ENTRIES.len());
    // The catalogue's order: PGA-2 before PGA-10 (not the string order).
    assert!(RuleId::Pga2 < RuleId::Pga10 && RuleId::Ref4 < RuleId::Pga1);
    for bad in ["PGA-23", "pga-7", "PGA-07", " PGA-7", "PGA7", "REC-5", ""] {
        assert_eq!(RuleId::parse(bad), None, "{bad}");
        assert!(serde_json::from_str::<RuleId>(&format!("\"{bad}\"")).is_err());
    }
    assert_eq!(
        "PGA-23".parse::<RuleId>().unwrap_err().to_string(),
        "'PGA-23' is not a rule id of the catalogue"
    );
}

#[test]
fn pga_7_cites_s8_and_s10_and_a_message_may_cite_either() {
    let r = RuleId::Pga7;
    assert_eq!((r.id(), r.section()), ("PGA-7", "s8, s10"));
    assert_eq!(r.sections().collect::<Vec<_>>(), ["s8", "s10"]);
    for ok in ["s8", "s10", "s8, s10"] {
        assert!(r.cites(ok), "{ok}");
    }
    for no in ["s9", "s1", "", "s8,s10", "s8, s13"] {
        assert!(!r.cites(no), "{no}");
    }
    assert!(!RuleId::Form1.cites(""));
}

#[test]
fn the_table_has_one_row_per_rule_with_its_id_section_and_status() {
    let t = catalogue::table();
    let rows: Vec<&str> = t.lines().skip(2).collect();
    assert_eq!(t.lines().next(), Some("| Id | Section | Title | Status |"));
    assert_eq!(rows.len(), ENTRIES.len());
    for (row, e) in rows.iter().zip(ENTRIES) {
        let cells: Vec<&str> = row.split(" | ").collect();
        assert_eq!(cells[0], format!("| {}", e.id));
        assert_eq!(cells[2], e.title);
        match e.status {
            Status::Enforced => assert!(cells[3].starts_with("enforced"), "{row}"),
            Status::Planned { issue } => {
                assert_eq!(cells[3], format!("planned (issue {issue}) |"))
            }
        }
    }
    assert!(t.contains("| PGA-7 | s8, s10 | Dovetail"));
    assert!(t.contains("| FORM-1 | – |"));
}

/// Every file of the repository's code and tests: Rust under crates/, src/, apps/ and tests/,
/// JavaScript under e2e/ (not target/ nor node_modules/).
fn code_files() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if p.is_dir() {
                if !["target", "node_modules", "fixtures"].contains(&name.as_str()) {
                    walk(&p, out);
                }
            } else if name.ends_with(".rs") || name.ends_with(".js") {
                out.push((p.clone(), std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    for d in ["crates", "src", "apps", "tests", "e2e"] {
        walk(&root().join(d), &mut out);
    }
    assert!(
        out.iter().any(|(p, _)| p.ends_with("catalogue.rs")),
        "the code was not found from {}",
        root().display()
    );
    out
}

/// Prefixes of catalogue ids; other labels (REC-5, SEC-1, OFF-2, SIM-3, NCIA-410) name
/// acceptance criteria or references, not rules.
const RULE_PREFIXES: [&str; 9] = [
    "REF", "PGA", "PLP", "INT", "REV", "TRF", "SUP", "DIF", "FORM",
];

fn rule_like(id: &str) -> bool {
    RULE_PREFIXES.contains(&id.split('-').next().unwrap())
}

#[test]
fn every_rule_id_written_in_the_code_is_in_the_catalogue() {
    let mut unknown = Vec::new();
    let mut seen = 0;
    for (path, text) in code_files() {
        if path.ends_with("tests/catalogue.rs") {
            continue; // this file, with ids that are not rules on purpose
        }
        for (n, line) in text.lines().enumerate() {
            for (_, id) in ids_in(line).into_iter().filter(|(_, id)| rule_like(id)) {
                seen += 1;
                if RuleId::parse(id).is_none() {
                    unknown.push(format!("{}:{}: {id}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(seen > 100, "only {seen} rule ids found");
    assert!(
        unknown.is_empty(),
        "not in the catalogue:\n{}",
        unknown.join("\n")
    );
}

/// The citations in `line`: the rule ids of a group ("PGA-9, PLP-10") and the sections written
/// right after it (", s13" or " (s8, s10"), when there are any.
fn citations(line: &str) -> Vec<(Vec<&str>, Vec<String>)> {
    let ids = ids_in(line);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ids.len() {
        let start = i;
        let mut group = vec![ids[i].1];
        let mut end = ids[i].0 + ids[i].1.len();
        while i + 1 < ids.len() && line[end..].starts_with(", ") && ids[i + 1].0 == end + 2 {
            i += 1;
            group.push(ids[i].1);
            end = ids[i].0 + ids[i].1.len();
        }
        let first = ids[start].0;
        i += 1;
        // A range ("PGA-3 to PGA-16 (s7, s8, ...)", "PLP-1..4") summarises several rules: not a
        // citation of one.
        let before = &line[..first];
        if before.ends_with(" to ") || before.ends_with("..") || before.ends_with('-') {
            continue;
        }
        let rest = &line[end..];
        let list = rest
            .strip_prefix(", ")
            .or_else(|| rest.strip_prefix(" ("))
            .filter(|r| sections_in(r.split(' ').next().unwrap_or_default()).len() == 1);
        if let Some(list) = list {
            let mut sections = Vec::new();
            for part in list.split(", ") {
                let word = part
                    .split(|c: char| !c.is_ascii_alphanumeric())
                    .next()
                    .unwrap();
                match sections_in(word).pop() {
                    Some(s) if s == word => sections.push(s),
                    _ => break,
                }
                if part.len() > word.len() {
                    break;
                }
            }
            out.push((group, sections));
        }
    }
    out
}

#[test]
fn every_section_cited_beside_a_rule_id_is_one_of_that_rule_s() {
    assert_eq!(
        citations("supervise (PGA-16, s14) and (PLP-9, PLP-10, s13). PGA-7 (s8, s10): x"),
        [
            (vec!["PGA-16"], vec!["s14".to_string()]),
            (vec!["PLP-9", "PLP-10"], vec!["s13".to_string()]),
            (vec!["PGA-7"], vec!["s8".to_string(), "s10".to_string()]),
        ]
    );
    let mut wrong = Vec::new();
    let mut seen = 0;
    let mut known_seen = [false; KNOWN.len()];
    for (path, text) in code_files() {
        if path.ends_with("tests/catalogue.rs") {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            for (group, sections) in citations(line) {
                let rules: Vec<RuleId> = group.iter().filter_map(|id| RuleId::parse(id)).collect();
                if rules.len() < group.len() {
                    continue; // not rules (REC-5, SEC-1): named by the test above
                }
                seen += 1;
                let cited = format!("{}, {}", group.join(", "), sections.join(", "));
                let known = KNOWN
                    .iter()
                    .position(|(file, c)| path.ends_with(file) && *c == cited);
                if let Some(k) = known {
                    known_seen[k] = true;
                }
                let ok =
                    known.is_some() || sections.iter().all(|s| rules.iter().any(|r| r.cites(s)));
                if !ok {
                    wrong.push(format!(
                        "{}:{}: {} cited as {}",
                        path.display(),
                        n + 1,
                        group.join(", "),
                        sections.join(", ")
                    ));
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} citations found");
    assert_eq!(
        known_seen,
        [true; KNOWN.len()],
        "a known wrong citation was corrected: take it out of KNOWN"
    );
    assert!(
        wrong.is_empty(),
        "sections not in the catalogue:\n{}",
        wrong.join("\n")
    );
}

/// Citations known to be wrong, left as they are because issue 17 changes no behaviour: the
/// file and the citation. The shipped scenario "Taylor" cites PGA-8 for a person straight to PLP
/// with s11; straight to PLP is PGA-8 (s8) and, in DESIGN.md's new catalogue, PGA-18 (s8, s11),
/// which issue 18 brings.
const KNOWN: [(&str, &str); 1] = [("examples/scenarios.rs", "PGA-8, s11")];

#[test]
fn test_names_that_start_with_a_rule_id_name_a_catalogue_rule() {
    let mut wrong = Vec::new();
    let mut seen = 0;
    for (path, text) in code_files() {
        if !path.components().any(|c| c.as_os_str() == "tests") {
            continue;
        }
        for line in text.lines() {
            let Some(name) = line.trim().strip_prefix("fn ") else {
                continue;
            };
            let mut parts = name.split('_');
            let (Some(prefix), Some(number)) = (parts.next(), parts.next()) else {
                continue;
            };
            let prefix = prefix.to_ascii_uppercase();
            if !RULE_PREFIXES.contains(&prefix.as_str())
                || !number.bytes().all(|b| b.is_ascii_digit())
                || number.is_empty()
            {
                continue;
            }
            seen += 1;
            if RuleId::parse(&format!("{prefix}-{number}")).is_none() {
                wrong.push(format!("{}: fn {name}", path.display()));
            }
        }
    }
    assert!(seen > 50, "only {seen} test names found");
    assert!(
        wrong.is_empty(),
        "tests named after no rule:\n{}",
        wrong.join("\n")
    );
}

/// How often the core's code (not its comments, not the catalogue) names each rule as
/// `RuleId::X`.
fn uses_in_core() -> Vec<(RuleId, usize)> {
    let mut text = String::new();
    for (path, file) in code_files() {
        let core = root().join("crates/core/src");
        if path.starts_with(&core) && !path.ends_with("catalogue.rs") {
            for line in file.lines().filter(|l| !l.trim_start().starts_with("//")) {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    RuleId::all()
        .map(|r| {
            let name = format!("RuleId::{r:?}");
            let n = text
                .match_indices(&name)
                .filter(|(i, _)| {
                    !text[i + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric())
                })
                .count();
            (r, n)
        })
        .collect()
}

#[test]
fn every_enforced_rule_is_named_by_the_core_and_no_planned_one_is() {
    let uses = uses_in_core();
    for (r, n) in &uses {
        match r.entry().status {
            Status::Enforced => assert!(
                *n > 0,
                "{r} is marked enforced, but no rule, check or deadline of the core names RuleId::{r:?}"
            ),
            Status::Planned { issue } => assert_eq!(
                *n, 0,
                "{r} is planned (issue {issue}) but the core names it: mark it enforced"
            ),
        }
    }
    // DESIGN.md's rules today: 45 enforced, none planned.
    let planned: Vec<(&str, u32)> = ENTRIES
        .iter()
        .filter_map(|e| match e.status {
            Status::Planned { issue } => Some((e.id, issue)),
            Status::Enforced => None,
        })
        .collect();
    assert_eq!(planned, Vec::<(&str, u32)>::new());
}

/// Every rule of every form (the referral, the Gateway Assessment and the PLP records), as
/// data: its id and the section it cites.
fn form_rules() -> Vec<(String, prevent_core::form::Rule)> {
    use prevent_core::{dif::default_framework, nrf, pga_form, plp_form};
    let f = default_framework();
    let schemas = [
        nrf::schema(),
        pga_form::schema(&f),
        plp_form::schema(&f),
        plp_form::review_schema(&f),
        plp_form::closure_schema(),
        plp_form::panel_schema(),
        plp_form::submission_schema(),
        prevent_core::s36_form::schema(),
        prevent_core::closed_case::closure_schema(),
        prevent_core::closed_case::review_schema(&f),
        plp_form::transfer_schema(&f),
    ];
    schemas
        .into_iter()
        .flat_map(|s| {
            let id = s.id.clone();
            s.rules.into_iter().map(move |r| (id.clone(), r))
        })
        .collect()
}

#[test]
fn every_form_rule_cites_its_catalogue_section_or_a_part_of_it() {
    let rules = form_rules();
    assert!(rules.len() > 30, "{}", rules.len());
    for (form, r) in &rules {
        let ok = r.section == r.id.section() || r.id.cites(&r.section);
        assert!(ok, "{form}: {} on {} cites {}", r.id, r.field, r.section);
    }
    // The referral's rules cite REF-1's s7 and, for REF-2..REF-4, "NRF": the National Referral
    // Form template they come from, not s7 (issue 18).
    for (_, r) in rules.iter().filter(|(f, _)| f == "nrf") {
        let want = if r.id == RuleId::Ref1 { "s7" } else { "NRF" };
        assert_eq!(r.section, want, "{} on {}", r.id, r.field);
    }
    // A form rule serialises its id as the catalogue writes it (the schema is data).
    let json = serde_json::to_value(&rules[0].1).unwrap();
    assert_eq!(json["id"], rules[0].1.id.id());
    let back: prevent_core::form::Rule = serde_json::from_value(json).unwrap();
    assert_eq!(back, rules[0].1);
}
