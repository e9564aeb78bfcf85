//! Discussion groups (分組討論): people split into named rooms, units kept together where
//! possible, room sizes balanced; the list posted on each room's door.
//!
//! People are `people` (in precedence order), or everyone present in `section` (default:
//! the hall). They are grouped by unit in unit precedence (people without a unit last),
//! each unit's full members first, then attendees and alternates, each in precedence order.
//!
//! Rooms fill in the order listed, taking units in unit order, so the first room gets the
//! first units. Think of the people in that order as one line cut into rooms: the *ideal*
//! cut after room `j` gives every room an even share (in proportion to `capacity` when
//! every room has one; otherwise a room whose capacity is below the even share takes its
//! capacity and the other rooms share the rest; never more than a capacity allows), and
//! no cut leaves more people than the later rooms can hold. Each cut moves to the
//! unit boundary nearest its ideal place if one lies within `slack` people of it (default:
//! a tenth of the average share, at least 1; ties go to the later boundary), so that unit
//! stays whole; otherwise the cut stays at its ideal place and splits the unit there (its
//! most senior members in the earlier room). So every room is within `2 × slack` (the
//! first and last rooms within `slack`) of its share, a unit is split only when keeping it
//! whole would move a cut more than `slack`, and at most `rooms − 1` units are split. The
//! last room takes everyone left, up to its capacity; who fits nowhere is reported.
//!
//! Special instructions: `move` and `exclude` change precedence and so apply here too;
//! `pin`, `reserve` and `swap` name podium and hall seats only.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::{msg, Lang};
use crate::plan::{Diagnostic, Level, Roster};
use crate::scenario::{invalid, Section};

/// One discussion room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RoomSpec {
    /// Group name, e.g. 第一組.
    pub name: String,
    /// Where it meets, e.g. 301會議室.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// At most this many people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity: Option<u32>,
}

/// Discussion groups: rooms and who is split over them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GroupsSpec {
    /// The rooms, in the order they are filled.
    pub rooms: Vec<RoomSpec>,
    /// How far (in people) a room may be above its even share to keep a unit whole, or
    /// below it before a unit is split. Default: a tenth of the share, at least 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slack: Option<u32>,
    /// Who is split (person ids). Default: everyone present in `section`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// The section to split when `people` is not given (default `hall`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

impl GroupsSpec {
    /// Checks what serde cannot; `field` is the spec's path (`groups`), messages in
    /// `lang`.
    pub fn validate(&self, field: &str, lang: Lang) -> Result<(), Error> {
        if self.rooms.is_empty() {
            return Err(invalid(
                format!("{field}.rooms"),
                lang.text("give at least one room", "至少要有一個會議室").into_owned(),
            ));
        }
        if let Some(k) = self.rooms.iter().position(|r| r.capacity == Some(0)) {
            return Err(invalid(
                format!("{field}.rooms[{k}].capacity"),
                lang.text("a room holds at least one person", "每個會議室至少容納一人").into_owned(),
            ));
        }
        Ok(())
    }
}

/// Splits units of `sizes` people (in unit order) over rooms with `capacities`: for each
/// room, the `(unit, count)` stretches it takes, in order. See the module docs.
///
/// ```
/// use seating_core::groups::split;
/// // Three units of 5 into two rooms: one unit is split to balance 8 / 7.
/// assert_eq!(split(&[5, 5, 5], &[None, None], None), vec![vec![(0, 5), (1, 3)], vec![(1, 2), (2, 5)]]);
/// // With slack 3 the units stay whole: 10 / 5.
/// assert_eq!(split(&[5, 5, 5], &[None, None], Some(3)), vec![vec![(0, 5), (1, 5)], vec![(2, 5)]]);
/// ```
///
/// Complexity: O(units + rooms × log units).
pub fn split(sizes: &[usize], capacities: &[Option<u32>], slack: Option<u32>) -> Vec<Vec<(usize, usize)>> {
    let n = capacities.len();
    let mut out = vec![Vec::new(); n];
    if n == 0 {
        return out;
    }
    let total: usize = sizes.iter().sum();
    let share = shares(total, capacities);
    // People the rooms after room `j` can hold at most (`usize::MAX`: one has no capacity).
    let mut after = vec![0usize; n];
    for j in (0..n - 1).rev() {
        after[j] = after[j + 1].saturating_add(capacities[j + 1].map_or(usize::MAX, |c| c as usize));
    }
    let tol = slack.map_or_else(|| ((total as f64 / n as f64) / 10.0).floor().max(1.0), f64::from);
    // Unit boundaries: prefix sums 0, s0, s0+s1, …, total.
    let mut bounds = Vec::with_capacity(sizes.len() + 1);
    bounds.push(0usize);
    for &m in sizes {
        bounds.push(bounds.last().unwrap() + m);
    }
    // Cut positions after each room.
    let mut cuts = Vec::with_capacity(n);
    let (mut prev, mut ideal) = (0usize, 0.0);
    for (j, capacity) in capacities.iter().enumerate() {
        ideal += share[j];
        let cap = capacity.map_or(usize::MAX, |c| c as usize);
        let hi = prev.saturating_add(cap).min(total);
        // Leave no more than the later rooms can hold.
        let lo = total.saturating_sub(after[j]).clamp(prev, hi);
        let cut = if j + 1 == n {
            hi
        } else {
            // The unit boundary nearest the ideal cut, within the slack (ties: the later one).
            let k = bounds.partition_point(|&b| (b as f64) < ideal);
            let near = [k.checked_sub(1), Some(k)]
                .into_iter()
                .flatten()
                .filter_map(|i| bounds.get(i).copied())
                // (A hair over `tol` is float rounding in the summed shares: 2 + 11/3 × 3.)
                .filter(|&b| b >= lo && b <= hi && (b as f64 - ideal).abs() <= tol + 1e-9)
                .min_by(|a, b| {
                    let (da, db) = ((*a as f64 - ideal).abs(), (*b as f64 - ideal).abs());
                    da.total_cmp(&db).then(b.cmp(a))
                });
            near.unwrap_or_else(|| (ideal.round() as usize).clamp(lo, hi))
        };
        cuts.push(cut);
        prev = cut;
    }
    // Walk the units along the cuts.
    let (mut u, mut taken) = (0usize, 0usize);
    let mut at = 0usize;
    for (j, &cut) in cuts.iter().enumerate() {
        while at < cut && u < sizes.len() {
            let take = (sizes[u] - taken).min(cut - at);
            if take > 0 {
                out[j].push((u, take));
            }
            at += take;
            taken += take;
            if taken == sizes[u] {
                u += 1;
                taken = 0;
            }
        }
    }
    out
}

/// Each room's even share of `total` people: in proportion to `capacity` when every room
/// has one; otherwise equal, except that a room with a capacity below the others' share
/// takes its capacity and the others share the rest (so a small room does not leave
/// people out that the rooms without a limit could take). Never more than a capacity
/// allows.
fn shares(total: usize, capacities: &[Option<u32>]) -> Vec<f64> {
    let total = total as f64;
    if capacities.iter().all(Option::is_some) {
        let all: f64 = capacities.iter().map(|c| f64::from(c.unwrap_or(1))).sum();
        return capacities
            .iter()
            .map(|c| (total * f64::from(c.unwrap_or(1)) / all).min(f64::from(c.unwrap_or(1))))
            .collect();
    }
    // Water-filling: the level every room without a capacity (or with a larger one) takes.
    let mut caps: Vec<u32> = capacities.iter().flatten().copied().collect();
    crate::sort::sort(&mut caps);
    let (mut left, mut rooms) = (total, capacities.len() as f64);
    let mut level = left / rooms;
    for c in caps.into_iter().map(f64::from) {
        if c >= level {
            break;
        }
        left -= c;
        rooms -= 1.0;
        level = left / rooms;
    }
    capacities.iter().map(|c| c.map_or(level, |c| f64::from(c).min(level))).collect()
}

/// The planned discussion groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct GroupsPlan {
    /// The rooms in the order given, each with its list.
    pub rooms: Vec<RoomPlan>,
    /// People no room could take (capacities too small), in precedence order.
    pub unassigned: Vec<String>,
}

/// One room and the list posted on its door.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomPlan {
    /// Group name.
    pub name: String,
    /// Where it meets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Number of people.
    pub size: u32,
    /// The list: units in unit order, each unit's people in precedence order.
    pub members: Vec<RoomMember>,
}

/// One person on a room's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoomMember {
    /// Person id.
    pub person: String,
    /// Unit id, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Why this person is in this room, in words.
    pub reason: String,
}

/// Plans the discussion groups on the roster's final precedence.
pub(crate) fn plan(spec: &GroupsSpec, roster: &Roster, diags: &mut Vec<Diagnostic>) -> GroupsPlan {
    let lang = roster.lang;
    let section = if spec.people.is_none() { Some(spec.section.unwrap_or(Section::Hall)) } else { None };
    let people = roster.select("groups", spec.people.as_deref(), section, diags);
    // Units in unit precedence (no unit last), members by role then precedence.
    let mut units: Vec<(usize, Vec<usize>)> = Vec::new();
    let mut index: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for &p in &people {
        let u = roster.unit_rank(p);
        let k = *index.entry(u).or_insert_with(|| {
            units.push((u, Vec::new()));
            units.len() - 1
        });
        units[k].1.push(p);
    }
    crate::sort::sort_by_key(&mut units, |(u, _)| *u);
    for (_, m) in &mut units {
        crate::sort::sort_by_key(m, |&p| roster.person(p).role);
    }
    let sizes: Vec<usize> = units.iter().map(|(_, m)| m.len()).collect();
    let caps: Vec<Option<u32>> = spec.rooms.iter().map(|r| r.capacity).collect();
    let parts = split(&sizes, &caps, spec.slack);
    // Where each unit went, to say so in reasons.
    let mut rooms_of_unit: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for (j, part) in parts.iter().enumerate() {
        for &(u, _) in part {
            rooms_of_unit[u].push(j);
        }
    }
    let mut cursor = vec![0usize; units.len()];
    let mut rooms = Vec::with_capacity(spec.rooms.len());
    for (room, part) in spec.rooms.iter().zip(&parts) {
        let mut members = Vec::new();
        for &(u, count) in part {
            let (_, m) = &units[u];
            let name = roster.unit_name(m[0]);
            let reason = if rooms_of_unit[u].len() == 1 {
                msg!(
                    lang,
                    "{} ({} people) kept together in one room; rooms take units in unit order",
                    "{}（{}人）安排在同一討論室；各討論室按單位位次依次安排",
                    name,
                    m.len()
                )
            } else {
                let names: Vec<&str> =
                    rooms_of_unit[u].iter().map(|&r| spec.rooms[r].name.as_str()).collect();
                msg!(
                    lang,
                    "{} ({} people) split over {} to keep room sizes near an even share; {} here",
                    "{}（{}人）分在{}，使各室人數接近平均；本室{}人",
                    name,
                    m.len(),
                    names.join(lang.list_sep()),
                    count
                )
            };
            for &p in &m[cursor[u]..cursor[u] + count] {
                members.push(RoomMember {
                    person: roster.person(p).id.clone(),
                    unit: roster.person(p).unit.clone(),
                    reason: msg!(lang, "#{} by precedence; {}", "位次第{}；{}", roster.number(p), reason),
                });
            }
            cursor[u] += count;
        }
        rooms.push(RoomPlan {
            name: room.name.clone(),
            place: room.place.clone(),
            size: members.len() as u32,
            members,
        });
    }
    let mut unassigned: Vec<usize> =
        units.iter().zip(&cursor).flat_map(|((_, m), &c)| m[c..].iter().copied()).collect();
    crate::sort::sort_by_key(&mut unassigned, |&p| roster.pos[p]);
    if !unassigned.is_empty() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "not-enough-seats".into(),
            message: msg!(
                lang,
                "groups: {} people fit in no room (capacities too small)",
                "groups：{}人無討論室可容納（容量不足）",
                unassigned.len()
            ),
            ..Diagnostic::default()
        });
    }
    GroupsPlan { rooms, unassigned: unassigned.iter().map(|&p| roster.person(p).id.clone()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sizes_of(parts: &[Vec<(usize, usize)>]) -> Vec<usize> {
        parts.iter().map(|p| p.iter().map(|&(_, c)| c).sum()).collect()
    }

    #[test]
    fn balanced_and_whole_where_possible() {
        // 4 units of 6 into 2 rooms: two whole units each.
        assert_eq!(
            split(&[6, 6, 6, 6], &[None, None], None),
            vec![vec![(0, 6), (1, 6)], vec![(2, 6), (3, 6)]]
        );
        // A unit larger than a room's share is split.
        assert_eq!(sizes_of(&split(&[30, 2, 2], &[None, None, None], None)), vec![11, 12, 11]);
    }

    #[test]
    fn capacities_weight_and_bound_the_rooms() {
        let parts = split(&[10, 10, 10], &[Some(20), Some(10)], Some(0));
        assert_eq!(sizes_of(&parts), vec![20, 10]);
        // Not enough room: the last room stops at its capacity.
        assert_eq!(sizes_of(&split(&[10, 10], &[Some(5), Some(5)], None)), vec![5, 5]);
        // A boundary exactly `slack` from an ideal cut summed in floating point (2 + 11/3 ×
        // 3 = 12.999…): the unit stays whole.
        assert_eq!(
            sizes_of(&split(&[2, 4, 3, 5, 1], &[Some(2), None, None, None, Some(2)], Some(1))),
            vec![2, 4, 3, 5, 1]
        );
        // A small room beside rooms without a limit takes its capacity, the others share
        // the rest, and nobody who fits is left out (wherever the small room is).
        assert_eq!(sizes_of(&split(&[30], &[None, None, Some(2)], None)), vec![14, 14, 2]);
        assert_eq!(sizes_of(&split(&[30], &[Some(2), None, None], None)), vec![2, 14, 14]);
        assert_eq!(sizes_of(&split(&[30], &[None, Some(2), None], None)), vec![14, 2, 14]);
        assert_eq!(sizes_of(&split(&[6], &[None, None, Some(1)], Some(0))), vec![3, 2, 1]);
        // A room whose capacity is above the share keeps the even share.
        assert_eq!(sizes_of(&split(&[30], &[None, Some(20), None], None)), vec![10, 10, 10]);
    }

    /// Three units of 5 (u1 p1–p5, u2 p6–p10, u3 p11–p15) in two rooms, in `language`;
    /// capacities of 8 and 6 leave one person out and split u2 3 / 2.
    fn planned(language: &str) -> crate::Plan {
        let people: Vec<_> = (1..=15)
            .map(|i| serde_json::json!({"id": format!("p{i}"), "name": format!("人{i}"), "rank": i, "unit": format!("u{}", (i - 1) / 5 + 1)}))
            .collect();
        let units: Vec<_> =
            (1..=3).map(|u| serde_json::json!({"id": format!("u{u}"), "name": format!("單位{u}")})).collect();
        let v = serde_json::json!({
            "format": "seating/1",
            "meeting": {"language": language},
            "units": units,
            "people": people,
            "groups": {"rooms": [{"name": "第一組", "capacity": 8}, {"name": "第二組", "capacity": 6}]},
        });
        crate::plan(&crate::Scenario::from_json(&v.to_string()).unwrap())
    }

    fn reason<'a>(p: &'a crate::Plan, id: &str) -> &'a str {
        let rooms = &p.groups.as_ref().unwrap().rooms;
        &rooms.iter().flat_map(|r| &r.members).find(|m| m.person == id).unwrap().reason
    }

    fn unassigned_message(p: &crate::Plan) -> &str {
        &p.diagnostics.iter().find(|d| d.code == "not-enough-seats").unwrap().message
    }

    #[test]
    fn reasons_and_diagnostics_in_chinese() {
        let p = planned("zh");
        assert_eq!(reason(&p, "p1"), "位次第1；單位1（5人）安排在同一討論室；各討論室按單位位次依次安排");
        assert_eq!(reason(&p, "p6"), "位次第6；單位2（5人）分在第一組、第二組，使各室人數接近平均；本室3人");
        assert_eq!(
            reason(&p, "p10"),
            "位次第10；單位2（5人）分在第一組、第二組，使各室人數接近平均；本室2人"
        );
        assert_eq!(unassigned_message(&p), "groups：1人無討論室可容納（容量不足）");
    }

    #[test]
    fn reasons_and_diagnostics_in_english() {
        let p = planned("en");
        assert_eq!(
            reason(&p, "p1"),
            "#1 by precedence; 單位1 (5 people) kept together in one room; rooms take units in unit order"
        );
        assert_eq!(
            reason(&p, "p6"),
            "#6 by precedence; 單位2 (5 people) split over 第一組, 第二組 to keep room sizes near an even share; 3 here"
        );
        assert_eq!(unassigned_message(&p), "groups: 1 people fit in no room (capacities too small)");
    }

    #[test]
    fn everyone_placed_without_capacities() {
        for n_units in 0..12 {
            for rooms in 1..6 {
                let sizes: Vec<usize> = (0..n_units).map(|k| 1 + (k * 7) % 13).collect();
                let parts = split(&sizes, &vec![None; rooms], None);
                let total: usize = sizes_of(&parts).iter().sum();
                assert_eq!(total, sizes.iter().sum::<usize>());
                // Units stay in order and each stretch is non-empty.
                let flat: Vec<(usize, usize)> = parts.concat();
                assert!(flat.windows(2).all(|w| w[0].0 <= w[1].0));
                assert!(flat.iter().all(|&(_, c)| c > 0));
            }
        }
    }
}
