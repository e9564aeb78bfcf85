//! The file format's keywords: fieldless enums written as fixed strings (`"centre-out"`).
//!
//! serde's derive gives each such enum its own visitor, field matcher and error paths for
//! every deserializer it meets, about 2 KB of WebAssembly per enum and format; the
//! scenario has some twenty of them. [`keywords!`] writes the two impls by hand instead:
//! the enum is written as its name, and read as a string looked up in its table by
//! [`read`], which is shared by every enum. The names are the kebab-case of the variants,
//! as `#[serde(rename_all = "kebab-case")]` (kept for the JSON Schema) gives them; a test
//! holds the two together.

use serde::de::{Deserializer, Error, Visitor};

/// A fieldless enum of the file format, with its variants and their names in one order.
pub trait Keyword: Sized + Copy + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The name of each variant in the file format, in the same order.
    const NAMES: &'static [&'static str];
}

/// The position of the keyword `d` holds among `names`, or serde's "unknown variant" error
/// listing them. The lookup runs inside the deserializer's `deserialize_str`, so that
/// serde_json gives the error the position of the string (and the field path with it).
pub(crate) fn read<'de, D: Deserializer<'de>>(
    d: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    struct Names(&'static [&'static str]);
    impl Visitor<'_> for Names {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("one of")?;
            for (i, name) in self.0.iter().enumerate() {
                f.write_str(if i == 0 { " `" } else { ", `" })?;
                f.write_str(name)?;
                f.write_str("`")?;
            }
            Ok(())
        }
        fn visit_str<E: Error>(self, s: &str) -> Result<usize, E> {
            self.0.iter().position(|n| *n == s).ok_or_else(|| E::unknown_variant(s, self.0))
        }
    }
    d.deserialize_str(Names(names))
}

/// Implements [`Keyword`], `Serialize` and `Deserialize` for a fieldless enum, and its
/// `name()` in the file format: `keywords!(Side { Left = "left", Right = "right" });`.
macro_rules! keywords {
    ($t:ident { $($v:ident = $name:literal),+ $(,)? }) => {
        impl $crate::keyword::Keyword for $t {
            const ALL: &'static [Self] = &[$($t::$v),+];
            const NAMES: &'static [&'static str] = &[$($name),+];
        }
        impl $t {
            /// The name as written in the file (`"centre-out"`).
            pub fn name(self) -> &'static str {
                match self { $($t::$v => $name),+ }
            }
        }
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.name())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let i = $crate::keyword::read(d, <$t as $crate::keyword::Keyword>::NAMES)?;
                Ok(<$t as $crate::keyword::Keyword>::ALL[i])
            }
        }
    };
}
pub(crate) use keywords;

#[cfg(test)]
mod tests {
    use super::Keyword;
    use crate::banquet::{TableAssign, TableLayout, TableOrder};
    use crate::lineup::{LineupKind, LineupStyle};
    use crate::plan::Level;
    use crate::scenario::*;
    use crate::vehicle::{CarKind, FrontPassenger};

    /// `CentreOut` → `centre-out`, as serde's `rename_all = "kebab-case"` spells it.
    fn kebab(variant: &str) -> String {
        let mut out = String::new();
        for (i, c) in variant.chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('-');
            }
            out.extend(c.to_lowercase());
        }
        out
    }

    fn check<T: Keyword + std::fmt::Debug + PartialEq + serde::Serialize + serde::de::DeserializeOwned>() {
        assert_eq!(T::ALL.len(), T::NAMES.len());
        for (v, name) in T::ALL.iter().zip(T::NAMES) {
            assert_eq!(*name, kebab(&format!("{v:?}")), "the name of {v:?}");
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{name}\"")).unwrap(), *v);
            assert_eq!(serde_json::from_value::<T>(serde_json::json!(name)).unwrap(), *v);
        }
        let e = serde_json::from_str::<T>("\"nonsense\"").unwrap_err().to_string();
        assert!(e.starts_with("unknown variant `nonsense`, expected "), "{e}");
        assert!(e.contains(&format!("`{}`", T::NAMES[0])), "{e}");
        let e = serde_json::from_str::<T>("3").unwrap_err().to_string();
        assert!(
            e.starts_with(&format!("invalid type: integer `3`, expected one of `{}`", T::NAMES[0])),
            "{e}"
        );
    }

    #[test]
    fn names_are_the_kebab_case_of_the_variants_and_read_back() {
        check::<Side>();
        check::<EvenRule>();
        check::<HallMethod>();
        check::<Numbering>();
        check::<BlockOrder>();
        check::<Tiebreak>();
        check::<StrokesMode>();
        check::<Section>();
        check::<Role>();
        check::<Party>();
        check::<RowAlign>();
        check::<RoleSeating>();
        check::<Op>();
        check::<Level>();
        check::<TableOrder>();
        check::<TableLayout>();
        check::<TableAssign>();
        check::<LineupKind>();
        check::<LineupStyle>();
        check::<CarKind>();
        check::<FrontPassenger>();
        check::<crate::lang::Language>();
        check::<crate::Script>();
    }
}
