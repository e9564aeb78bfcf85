//! The legend under the diagram: unit colours and the symbols in use (the core's legend),
//! plus the page's own marks (selection, inversions, unhonoured instructions).

use std::rc::Rc;

use seating_core::layout::{LegendKind, UNIT_FILLS, UNIT_STROKES};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::planned::Planned;

/// Props of the legend.
#[derive(Properties)]
pub struct LegendProps {
    /// The plan and layout.
    pub planned: Rc<Planned>,
    /// Interface language.
    pub lang: Lang,
}

impl PartialEq for LegendProps {
    /// The legend shows the core's legend and two counts: a swap that changes none of them
    /// (most do not) does not redraw its hundred entries.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.planned, &other.planned);
        self.lang == other.lang
            && (Rc::ptr_eq(a, b) || (a.layout.legend == b.layout.legend && marks(a) == marks(b)))
    }
}

/// The page's own marks: seats with a rank inversion, and unhonoured instructions.
fn marks(planned: &Planned) -> (usize, usize) {
    let inversions = planned.seats.iter().filter(|s| s.inverted).count();
    let unhonoured = planned.flagged.values().filter(|l| **l == seating_core::Level::Error).count();
    (inversions, unhonoured)
}

/// The legend.
#[function_component(Legend)]
pub fn legend(props: &LegendProps) -> Html {
    let t = props.lang.texts();
    let entries = props.planned.layout.legend.iter().map(|e| {
        let (style, class) = match e.kind {
            LegendKind::Unit(k) => (
                format!(
                    "background:{};border-color:{}",
                    UNIT_FILLS[k % UNIT_FILLS.len()],
                    UNIT_STROKES[k % UNIT_STROKES.len()]
                ),
                "swatch",
            ),
            LegendKind::NoUnit => ("background:#fff;border-color:#555".into(), "swatch"),
            LegendKind::Podium => ("background:#fffaf0;border-color:#6b4a2b".into(), "swatch"),
            LegendKind::Reserved => ("background:#f0f0f0;border-color:#777".into(), "swatch dashed"),
            LegendKind::Blocked => ("background:#dcdcdc;border-color:#999".into(), "swatch"),
            LegendKind::Pinned => (String::new(), "swatch pin-mark"),
            LegendKind::Moved => (String::new(), "swatch moved"),
            LegendKind::Added => (String::new(), "swatch added"),
        };
        html! {
            <li><span class={class} style={style}></span>{ format!("{}（{}）", e.label, e.count) }</li>
        }
    });
    let (inversions, unhonoured) = marks(&props.planned);
    html! {
        <ul class="legend" id="legend" aria-label={t.legend}>
            { for entries }
            if inversions > 0 { <li><span class="swatch inverted"></span>{ format!("{}（{inversions}）", t.legend_inverted) }</li> }
            if unhonoured > 0 { <li><span class="swatch unhonoured"></span>{ format!("{}（{unhonoured}）", t.legend_unhonoured) }</li> }
            <li><span class="swatch selected"></span>{ t.legend_selected }</li>
        </ul>
    }
}
