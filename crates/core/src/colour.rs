//! A theme's colour, readable on the calendar's light and dark surfaces.
//!
//! A feed may declare a colour per theme (`"color": "#0f766e"`); a theme
//! without one takes the next of [`PALETTE`]. The colour is then adjusted,
//! separately for the light and the dark scheme, until text in it has a
//! contrast of at least 4.5:1 (WCAG 1.4.3) on the card's surface and the
//! page: mixed toward black for the light scheme, toward white for the dark
//! one, in sixteenths, keeping a declared colour as it is when it passes.
//! Luminance comes from a 33-step table of the sRGB curve (no float powers
//! in the wasm); the tests hold every result to the exact formula.

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

/// The light and dark schemes' surfaces (style/main.css: `--cc-surface` and
/// `--cc-bg`): a theme colour must be readable on both of each.
const LIGHT: [Rgb; 2] = [Rgb([0xf5, 0xf6, 0xf8]), Rgb([0xff, 0xff, 0xff])];
const DARK: [Rgb; 2] = [Rgb([0x1e, 0x21, 0x27]), Rgb([0x14, 0x16, 0x1a])];

/// Colours for themes that declare none, in the feed's order of themes.
pub const PALETTE: [Rgb; 8] = [
    Rgb([0x0f, 0x76, 0x6e]), // teal
    Rgb([0x6d, 0x28, 0xd9]), // violet
    Rgb([0xb4, 0x53, 0x09]), // amber
    Rgb([0x1d, 0x4e, 0xd8]), // blue
    Rgb([0xbe, 0x12, 0x3c]), // rose
    Rgb([0x15, 0x80, 0x3d]), // green
    Rgb([0xa2, 0x1c, 0xaf]), // fuchsia
    Rgb([0x47, 0x55, 0x69]), // slate
];

/// ((i/32 + 0.055) / 1.055)^2.4 (i/32 / 12.92 below 0.04045) × 65535,
/// rounded up: a chord of the convex curve, so never below it.
const LINEAR: [u32; 33] = [
    0, 159, 338, 596, 941, 1381, 1923, 2573, 3335, 4214, 5216, 6344, 7604, 8998, 10531, 12206, 14028, 15999, 18122,
    20402, 22840, 25441, 28206, 31140, 34244, 37521, 40975, 44607, 48421, 52418, 56601, 60973, 65535,
];

impl Rgb {
    /// `#rgb` or `#rrggbb`, either case.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        let digit = |i: usize| hex.as_bytes().get(i).and_then(|b| (*b as char).to_digit(16)).map(|d| d as u8);
        let mut out = [0; 3];
        for (i, c) in out.iter_mut().enumerate() {
            *c = match hex.len() {
                3 => digit(i)? * 17,
                6 => digit(2 * i)? * 16 + digit(2 * i + 1)?,
                _ => return None,
            };
        }
        Some(Rgb(out))
    }

    /// `#rrggbb`.
    pub fn hex(self) -> String {
        // By hand: `{:02x}` would bring integer formatting with padding into the wasm.
        let digit = |d: u8| char::from(b"0123456789abcdef"[d as usize]);
        let mut out = String::from("#");
        for c in self.0 {
            out.push(digit(c >> 4));
            out.push(digit(c & 15));
        }
        out
    }

    /// Relative luminance × 65535, from above.
    fn luminance(self) -> u64 {
        let lin = |c: u8| {
            let pos = c as u32 * 32;
            let (i, frac) = ((pos / 255) as usize, pos % 255);
            let low = LINEAR[i];
            let high = LINEAR[(i + 1).min(32)];
            low + ((high - low) * frac).div_ceil(255)
        };
        let [r, g, b] = self.0;
        ((2126 * lin(r) + 7152 * lin(g) + 722 * lin(b)) as u64).div_ceil(10_000)
    }

    /// `self` mixed with `to` by `k` sixteenths.
    fn mix(self, to: u8, k: u16) -> Rgb {
        Rgb(self.0.map(|c| ((c as u16 * (16 - k) + to as u16 * k + 8) / 16) as u8))
    }
}

/// Whether text in `text` has 4.5:1 on `back`, with a margin for the table
/// (asked as 4.6:1).
fn readable(text: Rgb, back: Rgb) -> bool {
    let (a, b) = (text.luminance(), back.luminance());
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    // (L1 + 0.05) / (L2 + 0.05) >= 4.6, on the table's scale (0.05 = 3277).
    10 * (light + 3277) >= 46 * (dark + 3277)
}

/// The first mix of `colour` toward `to` readable on every one of `backs`.
fn toward(colour: Rgb, to: u8, backs: &[Rgb]) -> Rgb {
    (0..=16).map(|k| colour.mix(to, k)).find(|c| backs.iter().all(|b| readable(*c, *b))).unwrap_or(Rgb([to; 3]))
}

/// The colours of the theme at `index` of the feed's themes, declared or
/// not: `(light scheme, dark scheme)`.
pub fn theme_colours(declared: Option<Rgb>, index: usize) -> (Rgb, Rgb) {
    let colour = declared.unwrap_or(PALETTE[index % PALETTE.len()]);
    (toward(colour, 0, &LIGHT), toward(colour, 255, &DARK))
}

/// An embedding site's accent colour as each scheme shows it:
/// `[(accent, text on it); 2]` for the light and the dark scheme. The accent
/// is readable as link text on the scheme's surfaces (as a theme's colour
/// is), and its text, white or black, is readable on it as a button.
pub fn accent_colours(accent: Rgb) -> [(Rgb, Rgb); 2] {
    let (light, dark) = (toward(accent, 0, &LIGHT), toward(accent, 255, &DARK));
    let text_on =
        |back: Rgb| [Rgb([255; 3]), Rgb([0; 3])].into_iter().find(|t| readable(*t, back)).unwrap_or(Rgb([0; 3]));
    [(light, text_on(light)), (dark, text_on(dark))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact_luminance(c: Rgb) -> f64 {
        let lin = |c: u8| {
            let x = c as f64 / 255.0;
            if x <= 0.04045 {
                x / 12.92
            } else {
                ((x + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = c.0;
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: Rgb, b: Rgb) -> f64 {
        let (a, b) = (exact_luminance(a), exact_luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn the_table_is_the_srgb_curve_from_above() {
        for (i, v) in LINEAR.iter().enumerate() {
            let x = i as f64 / 32.0;
            let exact = if x <= 0.04045 { x / 12.92 } else { ((x + 0.055) / 1.055).powf(2.4) } * 65535.0;
            assert!(*v as f64 >= exact && (*v as f64) < exact + 1.0, "{i}: {v} for {exact}");
        }
        // Scaled so that white is the table's top.
        assert_eq!(Rgb([255; 3]).luminance(), 65535);
    }

    #[test]
    fn colours_are_read_and_written() {
        let cases = [
            ("#0f766e", Some([0x0f, 0x76, 0x6e])),
            ("#0F766E", Some([0x0f, 0x76, 0x6e])),
            (" #abc ", Some([0xaa, 0xbb, 0xcc])),
            ("#fff", Some([255, 255, 255])),
            ("0f766e", None),
            ("#0f766", None),
            ("#0f766e00", None),
            ("#ggg", None),
            ("#", None),
            ("#+1+", None),
            ("teal", None),
            ("#ééé", None),
        ];
        for (text, want) in cases {
            assert_eq!(Rgb::parse(text).map(|c| c.0), want, "{text:?}");
        }
        assert_eq!(Rgb([0x0f, 0x76, 0x6e]).hex(), "#0f766e");
    }

    /// Every colour (in steps of 5 per channel, 140,608 colours, and the
    /// palette) comes out at 4.5:1 or more on both surfaces of its scheme.
    #[test]
    fn every_colour_comes_out_readable_in_both_schemes() {
        let steps: Vec<u8> = (0..=255).step_by(5).chain([254, 1]).collect();
        let mut colours: Vec<Rgb> = PALETTE.to_vec();
        for r in &steps {
            for g in &steps {
                for b in &steps {
                    colours.push(Rgb([*r, *g, *b]));
                }
            }
        }
        for c in colours {
            let (light, dark) = theme_colours(Some(c), 0);
            for (shade, backs) in [(light, LIGHT), (dark, DARK)] {
                for back in backs {
                    let ratio = contrast(shade, back);
                    assert!(ratio >= 4.5, "{} → {} on {}: {ratio:.2}", c.hex(), shade.hex(), back.hex());
                }
            }
        }
    }

    #[test]
    fn a_readable_colour_is_kept_and_others_move_as_little_as_needed() {
        let cases: &[(&str, &str, &str)] = &[
            // declared, light scheme, dark scheme
            ("#0f766e", "#0f766e", "#4b9892"),
            ("#ffffff", "#606060", "#ffffff"),
            ("#000000", "#000000", "#8f8f8f"),
            ("#facc15", "#7d660b", "#facc15"),
        ];
        for (declared, light, dark) in cases {
            let (l, d) = theme_colours(Rgb::parse(declared), 3);
            assert_eq!((l.hex().as_str(), d.hex().as_str()), (*light, *dark), "{declared}");
        }
        // Without a declared colour: the palette, in turn.
        assert_eq!(theme_colours(None, 0), theme_colours(Some(PALETTE[0]), 5));
        assert_eq!(theme_colours(None, 9), theme_colours(Some(PALETTE[1]), 0));
        for (i, c) in PALETTE.iter().enumerate() {
            assert_eq!(theme_colours(None, i).0, *c, "the palette is readable as it is on light surfaces");
        }
        // A feed's themes get theirs when it is read.
        let doc = br##"{"version": 1, "events": [], "themes": [{"id": "a", "label": "A"}, {"id": "b", "label": "B", "color": "#fff"}]}"##;
        let (feed, _) = crate::feed::parse(doc, &crate::tzdb::Tzdb).unwrap();
        let (light, dark) = theme_colours(None, 0);
        assert_eq!(feed.themes[0].shades, (light.hex(), dark.hex()));
        assert_eq!(feed.themes[1].shades, ("#606060".into(), "#ffffff".into()));
    }

    /// An accent, any colour: as link text it reads on its scheme's
    /// surfaces, and its button text reads on it, in both schemes.
    #[test]
    fn an_accent_and_its_text_are_readable_in_both_schemes() {
        let steps: Vec<u8> = (0..=255).step_by(15).collect();
        for r in &steps {
            for g in &steps {
                for b in &steps {
                    let c = Rgb([*r, *g, *b]);
                    for ((accent, text), backs) in accent_colours(c).into_iter().zip([LIGHT, DARK]) {
                        for back in backs {
                            assert!(contrast(accent, back) >= 4.5, "{} → {} on {}", c.hex(), accent.hex(), back.hex());
                        }
                        assert!(contrast(text, accent) >= 4.5, "{} on {}", text.hex(), accent.hex());
                    }
                }
            }
        }
        let [(light, on_light), (dark, on_dark)] = accent_colours(Rgb([0x8a, 0x15, 0x38]));
        assert_eq!((light.hex(), on_light.hex()), ("#8a1538".into(), "#ffffff".into()));
        assert_eq!(on_dark.hex(), "#000000", "{}", dark.hex());
    }
}
