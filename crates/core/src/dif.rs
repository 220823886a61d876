//! The Dynamic Investigation Framework (DIF) as data: sections of factors that a CTCO records as
//! present, absent or unknown, with evidence (DESIGN.md, PGA; issue 4). The framework is
//! versioned and cites its sources; a force can load a replacement framework file, which is
//! validated in full before use (a bad file changes nothing).
//!
//! The default set is built from public sources (research/public-facts.md §2, §3 and the
//! policy's s12). Names marked "inferred" in a section's source are defaults to replace, not
//! quotations.

use crate::catalogue::RuleId;
use crate::validate::{Issue, Report, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// A DIF framework.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Framework {
    /// Stable id ("ctp-default").
    pub id: String,
    /// Version; records name the version they were made with.
    pub version: u32,
    /// Title as shown.
    pub title: String,
    /// Sections, in the order of the flow.
    pub sections: Vec<Section>,
}

/// A section of factors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id ("engagement").
    pub id: String,
    /// Title as shown.
    pub title: String,
    /// Where the factors come from.
    pub source: String,
    /// The factors.
    pub factors: Vec<Factor>,
}

/// One factor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Factor {
    /// Stable id within its section ("grievance").
    pub id: String,
    /// Label as shown.
    pub label: String,
}

/// What the CTCO found about a factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Finding {
    /// Present.
    Present,
    /// Absent.
    Absent,
    /// Not known yet.
    Unknown,
}

/// A factor as recorded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recorded {
    /// The finding.
    pub finding: Finding,
    /// The evidence for it.
    pub evidence: String,
}

/// A DIF as recorded: findings keyed "section.factor".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// The framework id it was made with.
    pub framework: String,
    /// And its version.
    pub framework_version: u32,
    /// Findings.
    pub factors: BTreeMap<String, Recorded>,
}

fn section(id: &str, title: &str, source: &str, factors: &[(&str, &str)]) -> Section {
    Section {
        id: id.into(),
        title: title.into(),
        source: source.into(),
        factors: factors
            .iter()
            .map(|(id, label)| Factor {
                id: (*id).into(),
                label: (*label).into(),
            })
            .collect(),
    }
}

const VAF: &str = "Channel Vulnerability Assessment Framework (gov.uk/government/publications/channel-vulnerability-assessment): 22 factors in three dimensions, 13/6/3, the same indicators as ERG22+; factor names inferred (research/public-facts.md §2)";

/// The default framework.
pub fn default_framework() -> Framework {
    Framework {
        id: "ctp-default".into(),
        version: 1,
        title: "Dynamic Investigation Framework (default factor set)".into(),
        sections: vec![
            section("engagement", "Engagement with a group, cause or ideology", VAF, &[
                ("grievance", "Grievance and injustice"),
                ("threat", "Feeling under threat"),
                ("identity", "Need for identity, meaning and belonging"),
                ("status", "Desire for status"),
                ("excitement", "Desire for excitement and adventure"),
                ("dominance", "Need to dominate and control"),
                ("indoctrination", "Susceptibility to indoctrination"),
                ("change", "Desire for political or moral change"),
                ("opportunistic", "Opportunistic involvement"),
                ("family-friends", "Family or friends involved in extremism"),
                ("transition", "Transitional time of life"),
                ("group-influence", "Being influenced or controlled by a group"),
                ("mental-health", "Relevant mental health issues"),
            ]),
            section("intent", "Intent to cause harm", VAF, &[
                ("over-identification", "Over-identification with a group or ideology"),
                ("them-and-us", "'Them and us' thinking"),
                ("dehumanisation", "Dehumanisation of the enemy"),
                ("justify-offending", "Attitudes that justify offending"),
                ("harmful-means", "Harmful means to an end"),
                ("harmful-objectives", "Harmful objectives"),
            ]),
            section("capability", "Capability to cause harm", VAF, &[
                ("knowledge", "Individual knowledge, skills and competencies"),
                ("access", "Access to networks, funding or equipment"),
                ("criminal", "Criminal capability"),
            ]),
            section("vulnerability", "Vulnerability and complex needs", "Home Office Prevent statistics variables (mental health and neurodiversity) and DESIGN.md; factor names inferred (research/public-facts.md §3)", &[
                ("mental-health", "Mental health concerns"),
                ("neurodiversity", "Neurodiversity"),
                ("isolation", "Social isolation"),
                ("safeguarding", "Other safeguarding concerns"),
                ("exploitation", "Grooming or exploitation"),
                ("substance-misuse", "Substance misuse"),
            ]),
            section("threat", "Threat and risk", "CTP-Prevent Policy s12 (High priority criteria); names of escalation and mobilisation factors inferred", &[
                ("harm", "Apparent, imminent or escalating risk of harm to self or others"),
                ("escalation", "Escalation factors (for example increasing consumption of extremist material)"),
                ("mobilisation", "Mobilisation factors (for example attack research, acquiring weapons, travel plans)"),
                ("time-lock", "A time-lock: a deadline before which concerns must be answered"),
                ("pursue", "Pursue relevance"),
            ]),
            section("protective", "Protective factors", "DESIGN.md (PGA sections); factor names inferred", &[
                ("family-support", "Supportive family or carers"),
                ("positive-peers", "Positive peers and relationships"),
                ("education-work", "Engagement in education, training or work"),
                ("engages-support", "Willing to engage with support"),
            ]),
        ],
    }
}

/// What is wrong with a framework file. Every problem is reported, not just the first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkError {
    /// Not valid JSON of the framework's shape.
    Unreadable(String),
    /// The framework has no id or no title.
    MissingName,
    /// No sections, or a section without factors.
    Empty(String),
    /// An id used twice (a section id, or a factor id within its section).
    Duplicate(String),
    /// An id with characters other than lowercase letters, digits and dashes.
    BadId(String),
    /// A factor or section without a label, or a section without its source.
    MissingText(String),
}

impl FrameworkError {
    /// The message shown.
    pub fn message(&self) -> String {
        match self {
            FrameworkError::Unreadable(why) => format!("The file is not a DIF framework: {why}"),
            FrameworkError::MissingName => "The framework needs an id and a title".into(),
            FrameworkError::Empty(what) => format!("{what} has nothing in it"),
            FrameworkError::Duplicate(id) => format!("'{id}' is used twice"),
            FrameworkError::BadId(id) => {
                format!("'{id}' is not a valid id: use lowercase letters, digits and dashes")
            }
            FrameworkError::MissingText(what) => {
                format!("{what} needs a label and, for a section, its source")
            }
        }
    }
}

fn slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Checks a framework; `Ok` when it can be used.
pub fn check(f: &Framework) -> Result<(), Vec<FrameworkError>> {
    let mut errors = Vec::new();
    if f.id.trim().is_empty() || f.title.trim().is_empty() {
        errors.push(FrameworkError::MissingName);
    }
    if f.sections.is_empty() {
        errors.push(FrameworkError::Empty("The framework".into()));
    }
    let mut sections = BTreeSet::new();
    for s in &f.sections {
        if !slug(&s.id) {
            errors.push(FrameworkError::BadId(s.id.clone()));
        }
        if !sections.insert(s.id.as_str()) {
            errors.push(FrameworkError::Duplicate(s.id.clone()));
        }
        if s.title.trim().is_empty() || s.source.trim().is_empty() {
            errors.push(FrameworkError::MissingText(format!("Section '{}'", s.id)));
        }
        if s.factors.is_empty() {
            errors.push(FrameworkError::Empty(format!("Section '{}'", s.id)));
        }
        let mut factors = BTreeSet::new();
        for x in &s.factors {
            let key = format!("{}.{}", s.id, x.id);
            if !slug(&x.id) {
                errors.push(FrameworkError::BadId(key.clone()));
            }
            if !factors.insert(x.id.as_str()) {
                errors.push(FrameworkError::Duplicate(key.clone()));
            }
            if x.label.trim().is_empty() {
                errors.push(FrameworkError::MissingText(format!("Factor '{key}'")));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Reads and checks a replacement framework file. On any problem nothing is returned, so the
/// framework in use stays as it was.
pub fn load(json: &str) -> Result<Framework, Vec<FrameworkError>> {
    let f: Framework =
        serde_json::from_str(json).map_err(|e| vec![FrameworkError::Unreadable(e.to_string())])?;
    check(&f)?;
    Ok(f)
}

/// Issues of a recorded DIF against its framework: DIF-1, the DIF's own completeness check
/// (evidence for every factor found present, and no findings for factors the framework does
/// not have), a toolkit check of the catalogue that cites s8, where the PGA's DIF is required.
pub fn validate(f: &Framework, r: &Record) -> Report {
    let mut issues = Vec::new();
    // Inserted one by one: collecting into a set would build another copy of the sort
    // (crate::order).
    let mut known = BTreeSet::new();
    for s in &f.sections {
        for x in &s.factors {
            known.insert(format!("{}.{}", s.id, x.id));
        }
    }
    for s in &f.sections {
        for x in &s.factors {
            let key = format!("{}.{}", s.id, x.id);
            if let Some(rec) = r.factors.get(&key) {
                if rec.finding == Finding::Present && rec.evidence.trim().is_empty() {
                    issues.push(Issue {
                        path: format!("dif.{key}"),
                        part: None,
                        parts: [false; 3],
                        severity: Severity::Error,
                        rule_id: RuleId::Dif1,
                        message: format!(
                            "Give the evidence for '{}', which you found present",
                            x.label
                        ),
                        section: RuleId::Dif1.section().into(),
                    });
                }
            }
        }
    }
    for key in r.factors.keys().filter(|k| !known.contains(*k)) {
        issues.push(Issue {
            path: format!("dif.{key}"),
            part: None,
            parts: [false; 3],
            severity: Severity::Error,
            rule_id: RuleId::Dif1,
            message: format!(
                "'{key}' is not a factor of {} version {}",
                f.title, f.version
            ),
            section: RuleId::Dif1.section().into(),
        });
    }
    Report { issues }
}

/// A running summary of the factors found present, by section: (section title, factor labels),
/// with the counts of absent and unknown ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Present factors by section, in framework order.
    pub present: Vec<(String, Vec<String>)>,
    /// How many were recorded absent.
    pub absent: usize,
    /// How many are unknown or not yet recorded.
    pub unknown: usize,
}

/// The summary of a record.
pub fn summary(f: &Framework, r: &Record) -> Summary {
    let mut out = Summary::default();
    for s in &f.sections {
        let mut present = Vec::new();
        for x in &s.factors {
            match r
                .factors
                .get(&format!("{}.{}", s.id, x.id))
                .map(|rec| rec.finding)
            {
                Some(Finding::Present) => present.push(x.label.clone()),
                Some(Finding::Absent) => out.absent += 1,
                _ => out.unknown += 1,
            }
        }
        if !present.is_empty() {
            out.present.push((s.title.clone(), present));
        }
    }
    out
}
