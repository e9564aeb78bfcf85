//! PDF from the exported SVG pages, with the fonts embedded (subset): `svg2pdf` over `usvg`,
//! fonts from the system (`fontdb`), so the PDF carries whatever font the machine resolves
//! for the chart's font stack (方正小標宋/仿宋 on an office PC, Noto Serif CJK on Debian).
//!
//! This lives in the CLI, not in `seating-core`: loading system fonts is I/O.

use pdf_writer::Finish;
use svg2pdf::usvg;

/// One PDF with one page per SVG document, page size from each SVG's `width`/`height`.
pub fn pdf(pages: &[String]) -> Result<Vec<u8>, String> {
    use pdf_writer::{Pdf, Rect, Ref};
    let mut options = usvg::Options::default();
    options.fontdb_mut().load_system_fonts();
    if options.fontdb.is_empty() {
        return Err("no fonts found on this system, so the PDF would have no text; install fonts (Debian: fonts-noto-cjk) or print the SVG from a browser".into());
    }
    let mut next = Ref::new(1);
    let mut alloc = || next.bump();
    let catalog = alloc();
    let tree_ref = alloc();
    let mut out = Pdf::new();
    let mut kids = Vec::with_capacity(pages.len());
    let mut bodies = Vec::with_capacity(pages.len());
    for (i, svg) in pages.iter().enumerate() {
        let tree = usvg::Tree::from_str(svg, &options).map_err(|e| format!("page {}: {e}", i + 1))?;
        let (chunk, svg_ref) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| format!("page {}: {e}", i + 1))?;
        // Renumber the page's objects into the document's numbering.
        let mut map = std::collections::HashMap::new();
        let chunk = chunk.renumber(|old| *map.entry(old).or_insert_with(&mut alloc));
        let svg_ref = map[&svg_ref];
        // usvg gives sizes in CSS px (96 per inch); PDF points are 72 per inch.
        let (w, h) = (tree.size().width() * 0.75, tree.size().height() * 0.75);
        let (page, content) = (alloc(), alloc());
        kids.push(page);
        bodies.push((page, content, svg_ref, w, h, chunk));
    }
    out.catalog(catalog).pages(tree_ref);
    out.pages(tree_ref).kids(kids.iter().copied()).count(kids.len() as i32);
    let name = pdf_writer::Name(b"S");
    for (page, content, svg_ref, w, h, chunk) in bodies {
        let mut p = out.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(tree_ref);
        p.contents(content);
        p.resources().x_objects().pair(name, svg_ref);
        p.finish();
        let mut c = pdf_writer::Content::new();
        c.transform([w, 0.0, 0.0, h, 0.0, 0.0]).x_object(name);
        out.stream(content, &c.finish());
        out.extend(&chunk);
    }
    Ok(out.finish())
}
