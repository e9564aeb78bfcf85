//! Vehicles (乘車): seat order in a car and a motorcade numbered by precedence, PROTOCOL §5.
//!
//! Seat order (cars drive on the right, the driver sits front left):
//! - `sedan` with a chauffeur: rear right, rear left, rear middle, front passenger
//!   (`front_passenger: before-rear-middle` puts the front passenger before the rear
//!   middle, as one widely copied text does);
//! - the host driving (`driver` names a person): front passenger first, then rear right,
//!   rear left, rear middle;
//! - `suv`: front passenger first, then rear right, rear left, rear middle;
//! - `bus`: seats numbered 1, 2, … in order of honour (front rows first, door side first);
//!   the seat id carries the number.
//!
//! A car with fewer passenger `seats` (default 4 for a sedan or SUV, at most 4) uses the
//! first ones of its order. Riders are `people` (in precedence order), or everyone present
//! in `section`, or everyone present. Named riders (`cars[].people`) ride in their car;
//! the others fill the cars in the order listed, most senior first. Cars are then numbered
//! by precedence: car 1 carries the most senior rider (or host driver), and so on; empty
//! cars come last in the order listed.
//!
//! Special instructions: `move` and `exclude` change precedence and so apply here too;
//! `pin`, `reserve` and `swap` name podium and hall seats only.

use crate::keyword::keywords;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::lang::{msg, Lang};
use crate::plan::{Diagnostic, Level, Roster};
use crate::scenario::{invalid, is_default, Section};

/// Upper bound on passenger seats in one vehicle.
pub const MAX_VEHICLE_SEATS: u32 = 100;

/// What kind of vehicle.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum CarKind {
    /// A saloon car with a chauffeur (default).
    #[default]
    Sedan,
    /// An SUV or jeep: the front passenger seat is first.
    Suv,
    /// A bus or van: numbered seats, front rows and the door side first.
    Bus,
}
keywords!(CarKind { Sedan = "sedan", Suv = "suv", Bus = "bus" });

/// Where the front passenger seat comes in a chauffeured sedan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", serde(rename_all = "kebab-case"))]
pub enum FrontPassenger {
    /// Rear right, rear left, rear middle, front passenger (default).
    #[default]
    Last,
    /// Rear right, rear left, front passenger, rear middle.
    BeforeRearMiddle,
}
keywords!(FrontPassenger { Last = "last", BeforeRearMiddle = "before-rear-middle" });

/// One vehicle of the motorcade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CarSpec {
    /// Printed name or plate; default `{number}號車`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `sedan` (default), `suv` or `bus`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: CarKind,
    /// Passenger seats (default 4; required for a bus).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// A person who drives this car themselves (the host driving); not a passenger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// People who ride in this car whatever their precedence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
}

/// The motorcade: vehicles and who rides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VehicleSpec {
    /// The vehicles, in the order they are filled.
    pub cars: Vec<CarSpec>,
    /// Sedans with a chauffeur: `last` (default) or `before-rear-middle`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub front_passenger: FrontPassenger,
    /// Who rides (person ids). Default: everyone present in `section`, or everyone present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people: Option<Vec<String>>,
    /// Only people of this section ride (when `people` is not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
}

impl VehicleSpec {
    /// Checks what serde cannot; `field` is the spec's path (`vehicles`), messages in
    /// `lang`.
    pub fn validate(&self, field: &str, lang: Lang) -> Result<(), Error> {
        for (k, car) in self.cars.iter().enumerate() {
            let max = if car.kind == CarKind::Bus { MAX_VEHICLE_SEATS } else { 4 };
            match car.seats {
                Some(n) if n == 0 || n > max => {
                    return Err(invalid(
                        format!("{field}.cars[{k}].seats"),
                        msg!(
                            lang,
                            "a {} has between 1 and {} passenger seats, found {}",
                            "{}的乘客座位數應在 1 至 {} 之間，這裡是 {}",
                            lang.text(
                                kind_name(car.kind),
                                match car.kind {
                                    CarKind::Sedan => "轎車",
                                    CarKind::Suv => "SUV",
                                    CarKind::Bus => "大客車",
                                }
                            ),
                            max,
                            n
                        ),
                    ))
                }
                None if car.kind == CarKind::Bus => {
                    return Err(invalid(
                        format!("{field}.cars[{k}].seats"),
                        lang.text("a bus needs its number of seats", "大客車要給出座位數").into_owned(),
                    ))
                }
                _ => {}
            }
        }
        Ok(())
    }
}

fn kind_name(kind: CarKind) -> &'static str {
    match kind {
        CarKind::Sedan => "sedan",
        CarKind::Suv => "SUV",
        CarKind::Bus => "bus",
    }
}

/// A passenger seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CarSeat {
    /// Beside the driver (副駕駛座).
    Front,
    /// Behind the front passenger (後排右座).
    RearRight,
    /// Rear middle (後排中座).
    RearMiddle,
    /// Behind the driver (後排左座).
    RearLeft,
    /// A numbered bus seat.
    Numbered(u32),
}

impl CarSeat {
    /// The id suffix: `front-passenger`, `rear-right`, … or the bus seat's number.
    pub fn code(self) -> String {
        match self {
            CarSeat::Front => "front-passenger".into(),
            CarSeat::RearRight => "rear-right".into(),
            CarSeat::RearMiddle => "rear-middle".into(),
            CarSeat::RearLeft => "rear-left".into(),
            CarSeat::Numbered(k) => k.to_string(),
        }
    }

    /// The printed name: 副駕駛座, 後排右座, … or 5號座, in `script`.
    pub fn label(self, script: crate::Script) -> String {
        script.word(&match self {
            CarSeat::Front => "副駕駛座".into(),
            CarSeat::RearRight => "後排右座".into(),
            CarSeat::RearMiddle => "後排中座".into(),
            CarSeat::RearLeft => "後排左座".into(),
            CarSeat::Numbered(k) => format!("{k}號座"),
        })
    }
}

/// Passenger seats in order of honour.
///
/// ```
/// use seating_core::vehicle::{seat_order, CarKind, CarSeat::*, FrontPassenger};
/// assert_eq!(seat_order(CarKind::Sedan, false, 4, FrontPassenger::Last), [RearRight, RearLeft, RearMiddle, Front]);
/// assert_eq!(seat_order(CarKind::Sedan, true, 4, FrontPassenger::Last)[0], Front);
/// ```
pub fn seat_order(kind: CarKind, host_driving: bool, seats: u32, front: FrontPassenger) -> Vec<CarSeat> {
    use CarSeat::*;
    let order: Vec<CarSeat> = match kind {
        CarKind::Bus => return (1..=seats).map(Numbered).collect(),
        _ if host_driving || kind == CarKind::Suv => vec![Front, RearRight, RearLeft, RearMiddle],
        _ => match front {
            FrontPassenger::Last => vec![RearRight, RearLeft, RearMiddle, Front],
            FrontPassenger::BeforeRearMiddle => vec![RearRight, RearLeft, Front, RearMiddle],
        },
    };
    order.into_iter().take(seats as usize).collect()
}

/// A planned motorcade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VehiclePlan {
    /// The cars in motorcade order (car 1 first).
    pub cars: Vec<CarPlan>,
    /// Riders without a seat, in precedence order.
    pub unseated: Vec<String>,
}

/// One car of the motorcade.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CarPlan {
    /// Motorcade number, 1 = the car of the most senior rider.
    pub number: u32,
    /// Index into the scenario's `vehicles.cars`.
    pub index: usize,
    /// Printed name (`name`, or `{number}號車`).
    pub name: String,
    /// Kind of vehicle.
    pub kind: CarKind,
    /// The host driving, if any (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub driver: Option<String>,
    /// Occupied passenger seats in order of honour.
    pub seats: Vec<CarSeatPlan>,
    /// Why the car has its number, in words.
    pub reason: String,
}

/// One occupied passenger seat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CarSeatPlan {
    /// Seat id `V{car}-{position}`, e.g. `V1-rear-right` or `V3-12`, where `car` is the
    /// car's 1-based place in `vehicles.cars` (fixed, unlike the motorcade number).
    pub seat: String,
    /// `front-passenger`, `rear-right`, `rear-middle`, `rear-left`, or a bus seat number.
    pub position: String,
    /// Person id.
    pub person: String,
    /// Printed label, e.g. 1號車 後排右座.
    pub label: String,
    /// Why this person sits here, in words.
    pub reason: String,
}

/// Plans the motorcade on the roster's final precedence.
pub(crate) fn plan(spec: &VehicleSpec, roster: &Roster, diags: &mut Vec<Diagnostic>) -> VehiclePlan {
    let lang = roster.lang;
    let riders = roster.select("vehicles", spec.people.as_deref(), spec.section, diags);
    let n_people = roster.s.people.len();
    let mut taken = vec![false; n_people];
    let mut drivers = Vec::with_capacity(spec.cars.len());
    for (k, car) in spec.cars.iter().enumerate() {
        let d = car
            .driver
            .as_ref()
            .and_then(|id| roster.resolve_one(&format!("vehicles.cars[{k}].driver"), id, diags));
        let d = d.filter(|&i| {
            if taken[i] {
                diags.push(Diagnostic {
                    level: Level::Error,
                    code: "person-conflict".into(),
                    message: msg!(
                        lang,
                        "vehicles.cars[{}].driver: {} already drives another car",
                        "vehicles.cars[{}].driver：{}已駕駛另一輛車",
                        k,
                        roster.who(i)
                    ),
                    person: Some(roster.person(i).id.clone()),
                    ..Diagnostic::default()
                });
                false
            } else {
                taken[i] = true;
                true
            }
        });
        drivers.push(d);
    }
    let orders: Vec<Vec<CarSeat>> = spec
        .cars
        .iter()
        .zip(&drivers)
        .map(|(c, d)| seat_order(c.kind, d.is_some(), c.seats.unwrap_or(4), spec.front_passenger))
        .collect();
    // Named riders first.
    let mut load: Vec<Vec<(usize, bool)>> = vec![Vec::new(); spec.cars.len()];
    for (k, car) in spec.cars.iter().enumerate() {
        for i in roster.resolve(&format!("vehicles.cars[{k}].people"), &car.people, diags) {
            if taken[i] {
                let message = match drivers.iter().position(|&d| d == Some(i)) {
                    Some(m) if m == k => msg!(
                        lang,
                        "vehicles.cars[{}].people: {} drives this car; not counted as a passenger",
                        "vehicles.cars[{}].people：{}是本車司機，不再算作乘客",
                        k,
                        roster.who(i)
                    ),
                    Some(m) => msg!(
                        lang,
                        "vehicles.cars[{}].people: {} drives vehicles.cars[{}]",
                        "vehicles.cars[{}].people：{}駕駛 vehicles.cars[{}]",
                        k,
                        roster.who(i),
                        m
                    ),
                    None => msg!(
                        lang,
                        "vehicles.cars[{}].people: {} is already in another car",
                        "vehicles.cars[{}].people：{}已安排在另一輛車",
                        k,
                        roster.who(i)
                    ),
                };
                diags.push(Diagnostic {
                    level: Level::Error,
                    code: "person-conflict".into(),
                    message,
                    person: Some(roster.person(i).id.clone()),
                    ..Diagnostic::default()
                });
            } else if load[k].len() == orders[k].len() {
                diags.push(Diagnostic {
                    level: Level::Warning,
                    code: "car-full".into(),
                    message: msg!(
                        lang,
                        "vehicles.cars[{}].people: no seat left for {}; seated by precedence instead",
                        "vehicles.cars[{}].people：本車已無空座，{}改按位次安排",
                        k,
                        roster.who(i)
                    ),
                    person: Some(roster.person(i).id.clone()),
                    ..Diagnostic::default()
                });
            } else {
                taken[i] = true;
                load[k].push((i, true));
            }
        }
    }
    let mut unseated = Vec::new();
    let mut car = 0;
    for &i in &riders {
        if taken[i] {
            continue;
        }
        while car < spec.cars.len() && load[car].len() == orders[car].len() {
            car += 1;
        }
        if car == spec.cars.len() {
            unseated.push(i);
        } else {
            taken[i] = true;
            load[car].push((i, false));
        }
    }
    if !unseated.is_empty() {
        diags.push(Diagnostic {
            level: Level::Warning,
            code: "not-enough-seats".into(),
            message: msg!(
                lang,
                "vehicles: {} riders without a seat; add a car",
                "vehicles：{}位乘車人員沒有座位；請增加車輛",
                unseated.len()
            ),
            ..Diagnostic::default()
        });
    }
    // Motorcade numbers: by the most senior person in each car, empty cars last.
    let best = |k: usize| -> usize {
        load[k]
            .iter()
            .map(|&(i, _)| roster.pos[i])
            .chain(drivers[k].map(|d| roster.pos[d]))
            .min()
            .unwrap_or(usize::MAX)
    };
    let mut by_rank: Vec<usize> = (0..spec.cars.len()).collect();
    crate::sort::sort_by_key(&mut by_rank, |&k| (best(k), k));
    // The words of every seat's reason, converted once:
    // `#{n} by precedence{, named for this car}; seat {r} of the car ({rule})`.
    let r1 = lang.text("#", "位次第");
    let r2 = lang.text(" by precedence", "");
    let named_note = lang.text(", named for this car", "，指定乘坐本車");
    let r3 = lang.text("; seat ", "；車內第");
    let r4 = lang.text(" of the car (", "位（");
    let r5 = lang.text(")", "）");
    let rules = [
        lang.text("bus: front rows and the door side first", "大客車：前排優先，靠車門一側優先"),
        lang.text("the host drives: front passenger first", "主人駕車：副駕駛座為首"),
        lang.text("SUV: front passenger first", "越野車：副駕駛座為首"),
        lang.text(
            "with a driver: rear right, rear left, rear middle, front passenger",
            "司機駕車：後排右座、後排左座、後排中座、副駕駛座",
        ),
        lang.text(
            "with a driver: rear right, rear left, front passenger, rear middle",
            "司機駕車：後排右座、後排左座、副駕駛座、後排中座",
        ),
    ];
    let mut cars = Vec::with_capacity(spec.cars.len());
    for (n, &k) in by_rank.iter().enumerate() {
        let number = n as u32 + 1;
        let c = &spec.cars[k];
        let script = roster.s.meeting.script;
        let name = c.name.clone().unwrap_or_else(|| script.word(&format!("{number}號車")));
        let mut people = load[k].clone();
        crate::sort::sort_by_key(&mut people, |&(i, _)| roster.pos[i]);
        let host = drivers[k].is_some();
        let rule = &rules[match (c.kind, host) {
            (CarKind::Bus, _) => 0,
            (_, true) => 1,
            (CarKind::Suv, _) => 2,
            (_, false) => match spec.front_passenger {
                FrontPassenger::Last => 3,
                FrontPassenger::BeforeRearMiddle => 4,
            },
        }];
        let seats = people
            .iter()
            .zip(&orders[k])
            .enumerate()
            .map(|(r, (&(i, named), &seat))| CarSeatPlan {
                seat: format!("V{}-{}", k + 1, seat.code()),
                position: seat.code(),
                person: roster.person(i).id.clone(),
                label: format!("{name} {}", seat.label(script)),
                reason: format!(
                    "{r1}{}{r2}{}{r3}{}{r4}{rule}{r5}",
                    roster.number(i),
                    if named { &*named_note } else { "" },
                    r + 1
                ),
            })
            .collect();
        let reason = match best(k) {
            usize::MAX => {
                lang.text("empty car, after the occupied ones", "空車，排在有人乘坐的車之後").into_owned()
            }
            b => msg!(
                lang,
                "car {} of the motorcade: its most senior occupant is #{} by precedence",
                "車隊第{}輛：車上位次最前者為位次第{}",
                number,
                b + 1
            ),
        };
        cars.push(CarPlan {
            number,
            index: k,
            name,
            kind: c.kind,
            driver: drivers[k].map(|d| roster.person(d).id.clone()),
            seats,
            reason,
        });
    }
    VehiclePlan { cars, unseated: unseated.iter().map(|&i| roster.person(i).id.clone()).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CarSeat::*;

    #[test]
    fn orders_by_kind() {
        assert_eq!(
            seat_order(CarKind::Sedan, false, 4, FrontPassenger::BeforeRearMiddle),
            [RearRight, RearLeft, Front, RearMiddle]
        );
        assert_eq!(
            seat_order(CarKind::Suv, false, 4, FrontPassenger::Last),
            [Front, RearRight, RearLeft, RearMiddle]
        );
        assert_eq!(
            seat_order(CarKind::Sedan, false, 3, FrontPassenger::Last),
            [RearRight, RearLeft, RearMiddle]
        );
        assert_eq!(
            seat_order(CarKind::Bus, false, 3, FrontPassenger::Last),
            [Numbered(1), Numbered(2), Numbered(3)]
        );
    }
}
