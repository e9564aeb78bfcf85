//! The page (a stub for now): paste a scenario, press 排座 Plan, read the plan or the error.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// A small scenario shown in the text box when the page opens.
const SAMPLE: &str = r#"{
  "format": "seating/1",
  "meeting": { "title": "全區經濟工作會議" },
  "people": [
    { "id": "p1", "name": "王晨", "post": "區委書記", "rank": 1, "section": "podium" },
    { "id": "p2", "name": "李強", "post": "區長", "rank": 2, "section": "podium" },
    { "id": "p3", "name": "趙樂", "post": "區人大主任", "rank": 3, "section": "podium" }
  ],
  "podium": { "rows": [3] }
}"#;

/// What the output box shows.
#[derive(Clone, PartialEq)]
enum Output {
    /// Nothing planned yet.
    Empty,
    /// The plan, as pretty JSON.
    Plan(String),
    /// Why the scenario could not be planned.
    Error(String),
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let input = use_node_ref();
    let output = use_state(|| Output::Empty);

    let on_plan = {
        let input = input.clone();
        let output = output.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(area) = input.cast::<HtmlTextAreaElement>() else { return };
            let result = crate::api::plan_text(&area.value())
                .and_then(|plan| serde_json::to_string_pretty(&plan).map_err(|e| e.to_string()));
            output.set(match result {
                Ok(json) => Output::Plan(json),
                Err(message) => Output::Error(message),
            });
        })
    };

    let shown = match &*output {
        Output::Empty => html! {},
        Output::Plan(json) => html! { <pre id="output" class="plan">{ json }</pre> },
        Output::Error(message) => {
            html! { <pre id="output" class="error" role="alert">{ message }</pre> }
        }
    };

    html! {
        <main>
            <h1>{ "座次 Seating" }</h1>
            <label for="scenario">{ "Scenario (seating/1 JSON)" }</label>
            <textarea id="scenario" ref={input} rows="16" cols="80" spellcheck="false"
                defaultvalue={SAMPLE} />
            <p><button id="plan" type="button" onclick={on_plan}>{ "排座 Plan" }</button></p>
            { shown }
        </main>
    }
}
