//! The data-center regions a Video SDK session may be limited to (`geo_regions`).

use std::str::FromStr;

use crate::error::{truncate_for_message, Error, Result};

/// A region a Video SDK session's media may be routed through, for the `geo_regions` claim.
///
/// Spelled as Zoom spells them: two upper-case letters. Parsing is exact (`"us"` and `" US"`
/// are refused), as Zoom's own sample validates them.
///
/// ```
/// use jwtmint::zoom::GeoRegion;
///
/// let region: GeoRegion = "DE".parse()?;
/// assert_eq!(region, GeoRegion::De);
/// assert_eq!(region.to_string(), "DE");
/// assert_eq!(GeoRegion::parse_list("US,DE")?, [GeoRegion::Us, GeoRegion::De]);
/// assert!("de".parse::<GeoRegion>().is_err());
/// # Ok::<(), jwtmint::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum GeoRegion {
    /// Australia (`AU`).
    Au,
    /// Brazil (`BR`).
    Br,
    /// Canada (`CA`).
    Ca,
    /// China (`CN`).
    Cn,
    /// Germany (`DE`).
    De,
    /// Hong Kong (`HK`).
    Hk,
    /// India (`IN`).
    In,
    /// Japan (`JP`).
    Jp,
    /// Mexico (`MX`).
    Mx,
    /// Netherlands (`NL`).
    Nl,
    /// Singapore (`SG`).
    Sg,
    /// United States (`US`).
    Us,
}

impl GeoRegion {
    /// Every region, in alphabetical order of its code.
    pub const ALL: [GeoRegion; 12] = [
        GeoRegion::Au,
        GeoRegion::Br,
        GeoRegion::Ca,
        GeoRegion::Cn,
        GeoRegion::De,
        GeoRegion::Hk,
        GeoRegion::In,
        GeoRegion::Jp,
        GeoRegion::Mx,
        GeoRegion::Nl,
        GeoRegion::Sg,
        GeoRegion::Us,
    ];

    /// The region's code as it appears in a token (`"US"`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            GeoRegion::Au => "AU",
            GeoRegion::Br => "BR",
            GeoRegion::Ca => "CA",
            GeoRegion::Cn => "CN",
            GeoRegion::De => "DE",
            GeoRegion::Hk => "HK",
            GeoRegion::In => "IN",
            GeoRegion::Jp => "JP",
            GeoRegion::Mx => "MX",
            GeoRegion::Nl => "NL",
            GeoRegion::Sg => "SG",
            GeoRegion::Us => "US",
        }
    }

    /// Parses the claim's form: codes joined by commas, no spaces, none repeated, at least
    /// one (`"US,DE"`).
    ///
    /// # Errors
    /// [`Error::UnknownGeoRegion`] for an unknown or empty item (so also for `""`, `"US,"` and
    /// `"US, DE"`), [`Error::DuplicateGeoRegion`] for a repeated one.
    pub fn parse_list(text: &str) -> Result<Vec<GeoRegion>> {
        let mut regions = Vec::new();
        for item in text.split(',') {
            let region: GeoRegion = item.parse()?;
            if regions.contains(&region) {
                return Err(Error::DuplicateGeoRegion {
                    region: region.as_str(),
                });
            }
            regions.push(region);
        }
        Ok(regions)
    }

    /// The claim's form of `regions`: their codes joined by commas, in the order given.
    #[must_use]
    pub fn join(regions: &[GeoRegion]) -> String {
        let mut out = String::with_capacity(regions.len() * 3);
        for (i, region) in regions.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(region.as_str());
        }
        out
    }
}

impl FromStr for GeoRegion {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        GeoRegion::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| Error::UnknownGeoRegion {
                region: truncate_for_message(s),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_and_the_list_is_zooms() {
        // Zoom's documented list, typed out independently of `as_str`.
        let zoom = [
            "AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US",
        ];
        assert_eq!(GeoRegion::ALL.len(), zoom.len());
        for (code, region) in zoom.iter().zip(GeoRegion::ALL) {
            assert_eq!(code.parse::<GeoRegion>().unwrap(), region);
            assert_eq!(region.to_string(), *code);
        }
    }

    #[test]
    fn parsing_is_exact() {
        for bad in [
            "us",
            "Us",
            " US",
            "US ",
            "USA",
            "U",
            "",
            "IE",
            "LA",
            "TY",
            "U\u{53}\u{0}",
        ] {
            assert!(
                matches!(
                    bad.parse::<GeoRegion>(),
                    Err(Error::UnknownGeoRegion { .. })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn lists_parse_and_join() {
        assert_eq!(GeoRegion::parse_list("US").unwrap(), [GeoRegion::Us]);
        assert_eq!(
            GeoRegion::parse_list("SG,AU,US").unwrap(),
            [GeoRegion::Sg, GeoRegion::Au, GeoRegion::Us]
        );
        assert_eq!(
            GeoRegion::join(&[GeoRegion::Sg, GeoRegion::Au, GeoRegion::Us]),
            "SG,AU,US"
        );
        assert_eq!(GeoRegion::join(&[]), "");
        for bad in ["", ",", "US,", ",US", "US,,DE", "US, DE", "US;DE"] {
            assert!(
                matches!(
                    GeoRegion::parse_list(bad),
                    Err(Error::UnknownGeoRegion { .. })
                ),
                "{bad:?}"
            );
        }
        assert_eq!(
            GeoRegion::parse_list("US,DE,US").unwrap_err(),
            Error::DuplicateGeoRegion { region: "US" }
        );
    }

    #[test]
    fn unknown_region_messages_are_truncated() {
        let long = "X".repeat(1000);
        let Err(Error::UnknownGeoRegion { region }) = long.parse::<GeoRegion>() else {
            panic!("accepted");
        };
        assert!(region.len() < 100);
    }
}
