/* NATO's partnerships: the site's interactive parts, as progressive enhancement.
 *
 * Every page works without this file: the tables, the map and the timeline are rendered for
 * today by the MkDocs hook. With it:
 *   - the history control (select#history-year) shows the map, the partners table or the
 *     matrix as they were at the end of any year since 1991;
 *   - every .data-table table can be filtered and sorted;
 *   - the timeline can be narrowed to one framework;
 *   - the map says which country has the focus or the pointer.
 * Each feature starts only if its markup is on the page. Plain ES2017, no dependencies, no
 * network, so it also runs from file:// in the offline edition.
 *
 * The year rules mirror hooks/partnerships/history.py, which renders today's state with the
 * same rules; change both together.
 */
(function () {
  "use strict";

  var DEFAULT_GROUP_ORDER = ["euro-atlantic", "mediterranean", "gulf", "global"];
  // Legend text for groups the server-rendered legend may leave out (none in today's data).
  var FALLBACK_LABELS = {
    ally: "NATO Ally, formerly a partner",
    suspended: "Partnership suspended",
    other: "Other frameworks only",
    former: "Former partner",
    none: "Not a partner"
  };
  var LEGEND_ORDER = ["ally"].concat(DEFAULT_GROUP_ORDER, ["suspended", "other", "former", "none"]);
  // Combining marks (NFD leaves accents here); ES2017 has no \p{M}.
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  /* --- Periods and the year rules (history.py) ------------------------------------------ */

  function parseYear(text) {
    return text ? parseInt(text, 10) : null;
  }

  /* "pfp|euro-atlantic|1994|2023||" -> {framework, group, since, until, suspended, assumed}
     (history.Chronology.token; `assumed` is the start counted when no source gives `since`) */
  function parsePeriod(token) {
    var parts = token.split("|");
    return {
      framework: parts[0] || "",
      group: parts[1] || "",
      since: parseYear(parts[2]),
      until: parseYear(parts[3]),
      suspended: parseYear(parts[4]),
      assumed: parseYear(parts[5])
    };
  }

  function parsePeriods(text) {
    return (text || "").split(/\s+/).filter(Boolean).map(parsePeriod);
  }

  /* The state of one membership on 31 December of `year`. */
  function periodState(period, year) {
    var start = period.since !== null ? period.since : period.assumed;
    if (start !== null && start > year) return "future";
    if (period.until !== null && period.until <= year) return "former";
    if (period.suspended !== null && period.suspended <= year) return "suspended";
    return "member";
  }

  /* history.group_in: the map colour of a partner in `year`. */
  function groupIn(periods, ally, year, groupOrder) {
    if (ally !== null && ally <= year) return "ally";
    var states = periods.map(function (p) { return periodState(p, year); });
    var groups = {};
    periods.forEach(function (p, i) {
      if (states[i] === "member" && p.group) groups[p.group] = true;
    });
    for (var i = 0; i < groupOrder.length; i++) {
      if (groups[groupOrder[i]]) return groupOrder[i];
    }
    var active = states.filter(function (s) { return s === "member" || s === "suspended"; });
    if (active.length) return active.indexOf("suspended") >= 0 ? "suspended" : "other";
    return states.indexOf("former") >= 0 ? "former" : "none";
  }

  function fold(text) {
    return (text || "").normalize("NFD").replace(COMBINING, "").toLowerCase();
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  /* --- History view: map ---------------------------------------------------------------- */

  function setupMapHistory(figure) {
    var order = (figure.getAttribute("data-groups") || "").split(/\s+/).filter(Boolean);
    if (!order.length) order = DEFAULT_GROUP_ORDER;
    var legend = figure.querySelector(".map-legend");
    var labels = {};
    Object.keys(FALLBACK_LABELS).forEach(function (g) { labels[g] = FALLBACK_LABELS[g]; });
    var inLegend = {};
    if (legend) {
      Array.prototype.forEach.call(legend.querySelectorAll("li"), function (li) {
        var swatch = li.querySelector(".swatch[data-group]");
        if (!swatch) return;
        var group = swatch.getAttribute("data-group");
        labels[group] = li.textContent.replace(/\s+/g, " ").trim();
        inLegend[group] = true;
      });
    }
    var partners = Array.prototype.map.call(figure.querySelectorAll("a.map-partner"), function (a) {
      var title = a.querySelector("title");
      return {
        el: a,
        name: title ? title.textContent.trim() : a.getAttribute("data-iso") || "",
        periods: parsePeriods(a.getAttribute("data-periods")),
        ally: parseYear(a.getAttribute("data-ally"))
      };
    });
    if (!partners.length) return null;

    /* A group the legend lacks (it lists only the groups seen today) gets a legend entry
       while it is on the map, so that no colour goes unexplained. */
    function syncLegend(counts) {
      if (!legend) return;
      LEGEND_ORDER.forEach(function (group) {
        if (inLegend[group]) return;
        var added = legend.querySelector('li[data-added="' + group + '"]');
        if (counts[group] && !added) {
          added = document.createElement("li");
          added.setAttribute("data-added", group);
          var swatch = document.createElement("span");
          swatch.className = "swatch";
          swatch.setAttribute("data-group", group);
          added.appendChild(swatch);
          added.appendChild(document.createTextNode(" " + (labels[group] || group)));
          legend.appendChild(added);
        }
        if (added) added.hidden = !counts[group];
      });
    }

    return function apply(year) {
      var counts = {};
      partners.forEach(function (p) {
        var group = groupIn(p.periods, p.ally, year, order);
        counts[group] = (counts[group] || 0) + 1;
        p.el.setAttribute("data-group", group);
        p.el.setAttribute("aria-label", p.name + ": " + (labels[group] || group));
      });
      syncLegend(counts);
      var parts = LEGEND_ORDER.concat(Object.keys(counts).filter(function (g) {
        return LEGEND_ORDER.indexOf(g) < 0;
      })).filter(function (g) { return counts[g]; }).map(function (g) {
        return (labels[g] || g) + ": " + counts[g];
      });
      return "End of " + year + ": " + parts.join("; ") + ".";
    };
  }

  /* --- History view: tables ------------------------------------------------------------- */

  function bodyRows(table) {
    var body = table.tBodies[0];
    return body ? Array.prototype.slice.call(body.rows) : [];
  }

  function partnerLink(row) {
    var cell = row.cells[0];
    return cell ? cell.querySelector("a[data-periods]") : null;
  }

  function setRowHidden(row, reason, hidden) {
    if (hidden) row.setAttribute(reason, "");
    else row.removeAttribute(reason);
  }

  function fillFrameworks(cell, ids, links) {
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    if (!ids.length) {
      cell.textContent = "—";
      return;
    }
    ids.forEach(function (id, i) {
      if (i) cell.appendChild(document.createTextNode(", "));
      cell.appendChild(links[id].cloneNode(true));
    });
  }

  function setupPartnersHistory(table) {
    var rows = bodyRows(table).map(function (row) {
      var a = partnerLink(row);
      if (!a || row.cells.length < 5) return null;
      var links = {};
      [row.cells[2], row.cells[3]].forEach(function (cell) {
        Array.prototype.forEach.call(cell.querySelectorAll("a[data-framework]"), function (link) {
          links[link.getAttribute("data-framework")] = link.cloneNode(true);
        });
      });
      return { el: row, periods: parsePeriods(a.getAttribute("data-periods")), ally: parseYear(a.getAttribute("data-ally")), links: links };
    }).filter(Boolean);
    if (!rows.length) return null;

    return function apply(year) {
      var shown = 0;
      rows.forEach(function (row) {
        var current = [];
        var former = [];
        row.periods.forEach(function (p) {
          var state = periodState(p, year);
          if (!row.links[p.framework]) return;
          // A suspended partnership is not taken part in: it goes with the ended ones.
          if (state === "member" && current.indexOf(p.framework) < 0) current.push(p.framework);
          if ((state === "former" || state === "suspended") && former.indexOf(p.framework) < 0) former.push(p.framework);
        });
        former = former.filter(function (id) { return current.indexOf(id) < 0; });
        fillFrameworks(row.el.cells[2], current, row.links);
        fillFrameworks(row.el.cells[3], former, row.links);
        var isAlly = row.ally !== null && row.ally <= year;
        row.el.cells[4].textContent = isAlly ? String(row.ally) : "";
        var notYet = row.periods.length > 0 && row.periods.every(function (p) {
          return periodState(p, year) === "future";
        }) && !isAlly;
        setRowHidden(row.el, "data-history-hidden", notYet);
        if (!notYet) shown++;
      });
      return "End of " + year + ": " + plural(shown, "partner", "partners") + " shown.";
    };
  }

  function setupMatrixHistory(table) {
    var rows = bodyRows(table).map(function (row) {
      var spans = Array.prototype.map.call(row.querySelectorAll("span.period[data-period]"), function (span) {
        return { el: span, period: parsePeriod(span.getAttribute("data-period")) };
      });
      return spans.length ? { el: row, spans: spans } : null;
    }).filter(Boolean);
    if (!rows.length) return null;

    return function apply(year) {
      var shown = 0;
      rows.forEach(function (row) {
        var allFuture = true;
        row.spans.forEach(function (s) {
          var p = s.period;
          var since = p.since !== null ? String(p.since) : "?";
          var state = periodState(p, year);
          var text = since;
          if (state === "suspended") text = since + " (suspended)";
          else if (state === "former") text = since + "–" + p.until;
          else if (state === "future") text = "";
          if (state !== "future") allFuture = false;
          s.el.textContent = text;
          s.el.hidden = state === "future";
          s.el.setAttribute("data-state", state);
        });
        setRowHidden(row.el, "data-history-hidden", allFuture);
        if (!allFuture) shown++;
      });
      return "End of " + year + ": " + plural(shown, "partner", "partners") + " shown.";
    };
  }

  function setupHistory() {
    var control = document.querySelector(".history-control");
    var select = document.getElementById("history-year");
    if (!control || !select) return;
    var views = [];
    Array.prototype.forEach.call(document.querySelectorAll("figure.partner-map"), function (figure) {
      var view = setupMapHistory(figure);
      if (view) views.push(view);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-history="partners"] table'), function (table) {
      var view = setupPartnersHistory(table);
      if (view) views.push(view);
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-history="matrix"] table'), function (table) {
      var view = setupMatrixHistory(table);
      if (view) views.push(view);
    });
    if (!views.length) return;
    var status = control.querySelector(".history-status");

    function apply() {
      var year = parseInt(select.value, 10);
      if (isNaN(year)) return;
      var messages = views.map(function (view) { return view(year); });
      if (status) status.textContent = messages.join(" ");
    }

    select.addEventListener("change", apply);
    control.hidden = false;
    // The browser may restore an earlier choice on back navigation: show what is selected.
    apply();
  }

  /* --- Sorting and filtering of .data-table tables ------------------------------------- */

  var filterCount = 0;

  function isEmptyKey(key) {
    return key === "" || key === "—";
  }

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function setupSort(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !head.rows.length || !body) return;
    var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    var sorted = { index: -1, descending: false };

    function sortBy(index) {
      var descending = sorted.index === index ? !sorted.descending : false;
      sorted = { index: index, descending: descending };
      var keyed = Array.prototype.map.call(body.rows, function (row, position) {
        return { row: row, key: cellText(row, index), position: position };
      });
      keyed.sort(function (a, b) {
        // Empty cells ("" or "—") go last in both directions; ties keep the current order.
        var ea = isEmptyKey(a.key);
        var eb = isEmptyKey(b.key);
        if (ea !== eb) return ea ? 1 : -1;
        var result = collator.compare(a.key, b.key) * (descending ? -1 : 1);
        return result || a.position - b.position;
      });
      var fragment = document.createDocumentFragment();
      keyed.forEach(function (k) { fragment.appendChild(k.row); });
      body.appendChild(fragment);
      headers.forEach(function (th, i) {
        if (i === index) th.setAttribute("aria-sort", descending ? "descending" : "ascending");
        else th.removeAttribute("aria-sort");
      });
    }

    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      var arrow = document.createElement("span");
      arrow.className = "sort-indicator";
      arrow.setAttribute("aria-hidden", "true");
      if (th.querySelector("a, button, input, select, textarea")) {
        // A header that is a link (the matrix's frameworks) keeps its link: a link inside a
        // button is invalid HTML and unusable by keyboard. The sort button sits next to it.
        var name = th.textContent.replace(/\s+/g, " ").trim();
        button.setAttribute("aria-label", "Sort by " + name);
        button.classList.add("sort-button--icon");
        button.appendChild(arrow);
        th.appendChild(button);
      } else {
        while (th.firstChild) button.appendChild(th.firstChild);
        button.appendChild(arrow);
        th.appendChild(button);
      }
      button.addEventListener("click", function () { sortBy(index); });
    });
  }

  function setupFilter(table) {
    var body = table.tBodies[0];
    if (!body) return;
    filterCount++;
    var id = "table-filter-" + filterCount;
    while (document.getElementById(id)) id += "-x";
    var box = document.createElement("div");
    box.className = "table-filter";
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = "Filter rows";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.autocomplete = "off";
    input.spellcheck = false;
    box.appendChild(label);
    box.appendChild(document.createTextNode(" "));
    box.appendChild(input);

    // Before the table's outermost box inside the .data-table wrapper (Material wraps tables
    // in scrolling boxes of its own), so the field stays put and does not scroll sideways.
    var anchor = table;
    var container = table.closest(".data-table");
    while (anchor.parentNode && anchor.parentNode !== container && anchor.parentNode.classList &&
           /md-typeset__(table|scrollwrap)/.test(anchor.parentNode.className)) {
      anchor = anchor.parentNode;
    }
    anchor.parentNode.insertBefore(box, anchor);

    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      Array.prototype.forEach.call(body.rows, function (row) {
        setRowHidden(row, "data-filter-hidden", query !== "" && fold(row.textContent).indexOf(query) < 0);
      });
    });
  }

  function setupTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".data-table table"), function (table) {
      setupFilter(table);
      setupSort(table);
    });
  }

  /* --- Timeline filter ----------------------------------------------------------------- */

  function setupTimeline() {
    var control = document.querySelector(".timeline-filter");
    var select = document.getElementById("timeline-framework");
    if (!control || !select) return;
    var links = document.querySelectorAll("li a[data-frameworks]");
    if (!links.length) return; // without the data, the filter could only hide everything
    var items = [];
    var lists = [];
    Array.prototype.forEach.call(links, function (a) {
      var li = a.closest("li");
      if (items.some(function (item) { return item.el === li; })) return;
      var list = li.parentNode;
      var entry = lists.filter(function (l) { return l.el === list; })[0];
      if (!entry) {
        var heading = list.previousElementSibling;
        while (heading && !/^H[1-6]$/.test(heading.tagName) && heading.tagName !== "UL" && heading.tagName !== "OL") {
          heading = heading.previousElementSibling;
        }
        entry = { el: list, heading: heading && heading.tagName === "H2" ? heading : null, items: [] };
        lists.push(entry);
      }
      var item = { el: li, frameworks: (a.getAttribute("data-frameworks") || "").split(/\s+/).filter(Boolean) };
      items.push(item);
      entry.items.push(item);
    });
    var status = control.querySelector(".timeline-status");

    function apply() {
      var chosen = select.value;
      var shown = 0;
      lists.forEach(function (list) {
        var any = false;
        list.items.forEach(function (item) {
          var visible = !chosen || item.frameworks.indexOf(chosen) >= 0;
          item.el.hidden = !visible;
          if (visible) { any = true; shown++; }
        });
        list.el.hidden = !any;
        if (list.heading) {
          list.heading.hidden = !any;
          // The year's entry in the table of contents follows its heading.
          if (list.heading.id) {
            Array.prototype.forEach.call(document.querySelectorAll('.md-nav a[href="#' + list.heading.id + '"]'), function (a) {
              var item = a.closest("li");
              if (item) item.hidden = !any;
            });
          }
        }
      });
      if (status) status.textContent = plural(shown, "milestone", "milestones") + " shown.";
    }

    select.addEventListener("change", apply);
    control.hidden = false;
    apply();
  }

  /* --- Map focus caption --------------------------------------------------------------- */

  function setupMapFocus() {
    Array.prototype.forEach.call(document.querySelectorAll("figure.partner-map"), function (figure) {
      var caption = figure.querySelector(".map-focus");
      if (!caption) return;
      function show(event) { caption.textContent = event.currentTarget.getAttribute("aria-label") || ""; }
      function clear() { caption.textContent = ""; }
      Array.prototype.forEach.call(figure.querySelectorAll("a.map-partner"), function (a) {
        a.addEventListener("focus", show);
        a.addEventListener("mouseenter", show);
        a.addEventListener("blur", clear);
        a.addEventListener("mouseleave", clear);
      });
    });
  }

  function init() {
    // One feature failing must not take the others down.
    [setupTables, setupHistory, setupTimeline, setupMapFocus].forEach(function (setup) {
      try {
        setup();
      } catch (error) {
        if (window.console) window.console.error("partnerships.js:", error);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
