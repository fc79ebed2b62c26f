/// The only assets: one stylesheet and an icon, served by the app itself
/// (no CDN). Their paths carry a version so that they can be cached for a year.
enum Assets {
    static let version = "2"
    static let stylesheetPath = SiteURL.asset(.value("chiso-\(version).css")).path
    static let iconPath = SiteURL.asset(.value("icon-\(version).svg")).path

    static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#8b1a1a"/>\
    <path d="M8 22V10h4v12zm6 0V6h4v16zm6 0v-8h4v8z" fill="#ffd75e"/></svg>
    """

    /// Colours chosen for WCAG AA contrast on white; layout works down to 320 px.
    static let stylesheet = """
    :root { --ink: #1d1d1f; --muted: #4a4a50; --brand: #8b1a1a; --brand-ink: #ffffff; --line: #c9c9ce;
      --soft: #f4f4f6; --ok: #0b6b2f; --bad: #a4161a; --focus: #1b4fd8; font-size: 100%; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: "Noto Sans", "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink);
      line-height: 1.5; background: #fff; }
    a { color: #0b3d91; }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline: 3px solid var(--focus); outline-offset: 2px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
    .skip:focus { left: .5rem; }
    header.site { background: var(--brand); color: var(--brand-ink); display: flex; flex-wrap: wrap; align-items: center;
      gap: .5rem 1.5rem; padding: .6rem 1rem; }
    header.site a { color: var(--brand-ink); }
    .brand { display: flex; align-items: baseline; gap: .75rem; }
    .logo { font-weight: 700; font-size: 1.35rem; text-decoration: none; }
    .tagline { font-size: .85rem; }
    header.site nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
    header.site nav a[aria-current=page] { font-weight: 700; text-decoration-thickness: 3px; }
    .who { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; font-size: .9rem; }
    .lang { font-size: .9rem; }
    .demo { margin: 0; background: #fff4cc; color: #4d3b00; padding: .35rem 1rem; font-size: .85rem; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
    h2 { font-size: 1.25rem; margin-top: 2rem; }
    footer.site { color: var(--muted); padding: 2rem 1rem; text-align: center; }
    .notice { background: #e6f4ea; color: var(--ok); border-left: 4px solid var(--ok); padding: .5rem 1rem; }
    .errors { background: #fdecea; color: var(--bad); border-left: 4px solid var(--bad); padding: .25rem 1rem; }
    .field { margin: 0 0 1rem; display: flex; flex-direction: column; max-width: 32rem; }
    .field label { font-weight: 600; }
    .field small { color: var(--muted); }
    .field input, .field select, .field textarea { font: inherit; padding: .5rem; border: 1px solid #6e6e73; border-radius: 4px; }
    .field.invalid input { border-color: var(--bad); border-width: 2px; }
    .error { color: var(--bad); margin: .25rem 0 0; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 1rem; max-width: 40rem; }
    fieldset label { display: inline-flex; align-items: center; gap: .35rem; margin: .2rem 1rem .2rem 0; }
    button, .button { font: inherit; background: var(--brand); color: var(--brand-ink); border: 0; border-radius: 4px;
      padding: .5rem 1rem; cursor: pointer; text-decoration: none; display: inline-block; }
    button.secondary, .button.secondary { background: #fff; color: var(--brand); border: 1px solid var(--brand); }
    button.link { background: none; color: inherit; padding: 0; text-decoration: underline; }
    button:disabled, fieldset:disabled button { background: #d9d9de; color: #55555c; border-color: #d9d9de; cursor: not-allowed; }
    input:disabled, select:disabled, textarea:disabled { background: #f0f0f3; color: #55555c; cursor: not-allowed; }
    form.inline { display: inline; }
    button.danger { background: var(--bad); color: #fff; }
    .row-actions { display: flex; flex-wrap: wrap; gap: .25rem; }
    .row-actions button, .row-actions .button { padding: .15rem .45rem; font-size: .85rem; font-weight: normal; }
    .parameter-rows input { font: inherit; padding: .35rem .5rem; border: 1px solid #6e6e73; border-radius: 4px; width: 100%; box-sizing: border-box; }
    .parameter-rows { max-width: 30rem; }
    fieldset.parameters { border: 1px solid #c9c9cf; border-radius: 4px; margin: .5rem 0; }
    .form-buttons { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; }
    tr.has-problems td { background: #fff5f4; }
    .cell-problems { color: var(--bad); margin: .25rem 0 0; padding-left: 1rem; font-size: .9rem; }
    .editor-form { background: #f6f7fb; padding: .5rem .75rem; border-left: 4px solid var(--brand); }
    .editor-form .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0 1rem; }
    .editor-form textarea { width: 100%; }
    .moved-up { color: var(--ok); } .moved-down { color: var(--bad); }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; margin: 0 0 1rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .45rem .5rem; text-align: left; vertical-align: top; }
    th { background: var(--soft); }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .tree td.depth-1 { padding-left: 1.5rem; } .tree td.depth-2 { padding-left: 2.5rem; } .tree td.depth-3 { padding-left: 3.5rem; }
    .tree tr.group td { font-weight: 600; background: #fafafb; }
    .na { color: var(--muted); font-style: italic; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; }
    .card h2, .card h3 { margin-top: 0; }
    .badge { display: inline-block; padding: 0 .5rem; border-radius: 1rem; background: var(--soft); border: 1px solid var(--line); font-size: .85rem; }
    .late { color: var(--bad); font-weight: 600; }
    .inbox { border-left: 4px solid var(--brand); padding: .25rem 1rem; background: #fbf3f3; margin-bottom: 1rem; }
    .inbox li.urgent a { color: var(--bad); font-weight: 700; }
    .leaf.card { margin: 0 0 1rem; }
    .change-list { list-style: none; padding: 0; }
    .card.adjusted { border-left: 4px solid #9a3412; margin: 0 0 1rem; }
    .adjusted-mark { color: #9a3412; font-weight: 600; margin: 0 0 .5rem; }
    .leaf.invalid { border-color: var(--bad); border-width: 2px; }
    .group-heading { border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
    .guidance { color: var(--muted); }
    .compare dt { font-weight: 600; }
    .compare dd { margin: 0 0 .5rem 1rem; }
    iframe.preview { width: 100%; height: 24rem; border: 1px solid var(--line); }
    img.preview { max-width: 100%; height: auto; border: 1px solid var(--line); }
    .actions { margin: 1rem 0; }
    .filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; }
    .filters .field { margin: 0; }
    pre.problems { background: var(--soft); padding: 1rem; overflow-x: auto; white-space: pre-wrap; }
    .status { display: inline-block; padding: 0 .5rem; border-radius: 1rem; border: 1px solid var(--line); font-size: .85rem; white-space: nowrap; }
    .status.ok { color: var(--ok); border-color: var(--ok); } .status.warn { color: #7a4d00; border-color: #7a4d00; }
    .status.bad { color: #fff; background: var(--bad); border-color: var(--bad); }
    td.bad { color: var(--bad); font-weight: 700; }
    .status-counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; }
    .status-counts a[aria-current] { font-weight: 700; }
    .sourced { background: var(--soft); border-left: 4px solid var(--focus); padding: .25rem 1rem; margin: 0 0 .5rem; }
    .summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
    .summary .total { font-size: 1.8rem; margin: 0; }
    .pager { margin: 1rem 0; }
    .mapping { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0 1rem; }
    figure.chart { margin: 0 0 1rem; max-width: 40rem; }
    figure.chart svg { width: 100%; height: auto; }
    svg .grid { stroke: var(--line); stroke-width: 1; } svg .axis { font-size: 11px; fill: var(--muted); }
    svg .value { font-size: 11px; fill: var(--ink); } svg .line { fill: none; stroke: var(--brand); stroke-width: 2.5; }
    svg .dot { fill: #fff; stroke: var(--brand); stroke-width: 2; }
    svg.sparkline { width: 5rem; height: 1.25rem; }
    svg .bar { fill: var(--brand); }
    td.heat { font-variant-numeric: tabular-nums; } td.h5 { background: #1f5f3f; color: #fff; } td.h4 { background: #5c9a6e; color: #000; }
    td.h3 { background: #b8d8b0; color: #000; } td.h2 { background: #f3dfa2; color: #000; } td.h1 { background: #e9a58f; color: #000; }
    td.heat.na { background: #fff; color: var(--muted); }
    td.changed { font-weight: 700; }
    @media (max-width: 40rem) {
      /* Two short rows on a phone (under a tenth of the screen): the logo, logging out and the other
         language; then the navigation in one line that scrolls sideways. Who is signed in is on the home page. */
      header.site { padding: .3rem .5rem 0; gap: 0 .75rem; }
      .logo { font-size: 1.1rem; }
      .tagline, .who > span { display: none; }
      header.site nav { order: 3; flex-basis: 100%; min-width: 0; }
      header.site nav ul { flex-wrap: nowrap; overflow-x: auto; white-space: nowrap; gap: 1.1rem; padding: .25rem 0 .35rem; }
      .who { margin-left: auto; flex-wrap: nowrap; white-space: nowrap; }
      .lang { white-space: nowrap; }
      .demo { padding: .2rem .5rem; font-size: .75rem; }
      /* Charts keep their own size (labels 11 px and more) and scroll sideways. */
      figure.chart { overflow-x: auto; }
      figure.chart svg { width: 36rem; max-width: none; }
      th, td { padding: .35rem .3rem; font-size: .95rem; }
      .hide-small { display: none; }
    }
    @media print {
      header.site, .demo, footer.site, form, .skip { display: none; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
