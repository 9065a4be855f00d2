/* NATO's partnerships: the site's interactive parts, as progressive enhancement.
 *
 * Every page works without this file: the tables, the map and the timeline are rendered for
 * today by the MkDocs hook. With it:
 *   - the history control (select#history-year) shows the map, the partners table or the
 *     matrix as they were at the end of any year since 1991;
 *   - every .data-table table can be filtered and sorted;
 *   - the timeline can be narrowed to one framework;
 *   - the map says which country has the focus or the pointer;
 *   - the search suggests a framework or partner whose name is one or two letters away from
 *     the query ("Swden": Sweden), which Material's search, matching word beginnings, misses.
 * Each feature starts only if its markup is on the page. Plain ES2017, no dependencies, no
 * network, so it also runs from file:// in the offline edition.
 *
 * The history view holds no rule of its own: the build writes what each view shows in every
 * year (hooks/partnerships/history_view.py), and this file looks the chosen year up.
 */
(function () {
  "use strict";

  // Combining marks (NFD leaves accents here); ES2017 has no \p{M}.
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

  /* --- History view ---------------------------------------------------------------------
     Each view's element carries data-history-states, written by the build:
       {"years": {"1995": {"status": "...", ...}, ...},
        "partners": {"<partner id>": [[year, state], ...], ...}}
     where a partner's entries are the years in which what the view shows changes, oldest
     first, and `state` is what it shows from then on. */

  function statesOf(element) {
    try {
      var states = JSON.parse(element.getAttribute("data-history-states") || "null");
      return states && states.years && states.partners ? states : null;
    } catch (error) {
      return null;
    }
  }

  /* The entry in force in `year`: the latest at or before it (history_view.lookup). */
  function inForce(entries, year) {
    if (!entries || !entries.length) return null;
    var found = entries[0][1];
    for (var i = 0; i < entries.length && entries[i][0] <= year; i++) found = entries[i][1];
    return found;
  }

  function statusOf(states, year) {
    var summary = states.years[String(year)];
    return summary ? summary.status : "";
  }

  function fold(text) {
    return (text || "").normalize("NFD").replace(COMBINING, "").toLowerCase();
  }

  /* --- Words ---------------------------------------------------------------------------
     What this script writes comes from the page, in the page's language: a JSON block that
     the build writes from the catalogues (hooks/partnerships/interface.py). A message's
     %(name)s placeholders take `values`; a plural message is a [singular, plural] pair. */

  var TEXT = (function () {
    var element = document.getElementById("interface-strings");
    try {
      return element ? JSON.parse(element.textContent) || {} : {};
    } catch (error) {
      return {};
    }
  })();

  function say(key, values, count) {
    var message = TEXT[key];
    if (Array.isArray(message)) message = message[isSingular(count) ? 0 : 1];
    if (typeof message !== "string") return "";
    return message.replace(/%\((\w+)\)s/g, function (whole, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // gettext's rule of each language: French counts 0 and 1 as singular.
  function isSingular(count) {
    return TEXT.plural_rule === "fr" ? count <= 1 : count === 1;
  }

  /* The text around a message's placeholders, to put elements (links) between: for
     "Did you mean %(names)s?", ["Did you mean ", "?"]. */
  function around(key) {
    return say(key).split(/%\(\w+\)s/);
  }

  /* --- History view: map ---------------------------------------------------------------- */

  function setupMapHistory(figure) {
    var states = statesOf(figure);
    if (!states) return null;
    var partners = Array.prototype.map.call(figure.querySelectorAll("a.map-partner[data-partner]"), function (a) {
      return { el: a, entries: states.partners[a.getAttribute("data-partner")] };
    });
    var legend = figure.querySelectorAll(".map-legend li[data-group]");
    var lists = document.querySelector(".map-lists");
    var listed = lists ? Array.prototype.slice.call(lists.querySelectorAll("a[data-partner]")) : [];

    return function apply(year) {
      partners.forEach(function (p) {
        var state = inForce(p.entries, year);
        if (!state) return;
        p.el.setAttribute("data-group", state.group);
        p.el.setAttribute("aria-label", state.label);
      });
      var summary = states.years[String(year)];
      var shown = summary ? summary.legend : [];
      var labels = {};
      Array.prototype.forEach.call(legend, function (li) {
        li.hidden = shown.indexOf(li.getAttribute("data-group")) < 0;
        labels[li.getAttribute("data-group")] = li.textContent.trim();
      });
      if (lists && summary) fillLists(lists, listed, states, summary.listed, labels, year);
      return statusOf(states, year);
    };
  }

  /* The text list under the map, regrouped for `year`: one paragraph per group the build lists
     for that year, in its order, with the partners' links in the order the page gave them. */
  function fillLists(container, links, states, groups, labels, year) {
    while (container.firstChild) container.removeChild(container.firstChild);
    groups.forEach(function (group) {
      var members = links.filter(function (a) {
        var state = inForce(states.partners[a.getAttribute("data-partner")], year);
        return state && state.group === group;
      });
      if (!members.length) return;
      var p = document.createElement("p");
      var strong = document.createElement("strong");
      strong.textContent = labels[group] || group;
      p.appendChild(strong);
      p.appendChild(document.createTextNode(around("group_list")[1] || ": "));
      members.forEach(function (a, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        p.appendChild(a);
      });
      p.appendChild(document.createTextNode("."));
      container.appendChild(p);
    });
  }

  /* --- History view: tables ------------------------------------------------------------- */

  function bodyRows(table) {
    var body = table.tBodies[0];
    return body ? Array.prototype.slice.call(body.rows) : [];
  }

  function rowStates(table, states) {
    return bodyRows(table).map(function (row) {
      var a = row.cells[0] ? row.cells[0].querySelector("a[data-partner]") : null;
      var entries = a ? states.partners[a.getAttribute("data-partner")] : null;
      return entries ? { el: row, entries: entries } : null;
    }).filter(Boolean);
  }

  function setRowHidden(row, reason, hidden) {
    if (hidden) row.setAttribute(reason, "");
    else row.removeAttribute(reason);
  }

  function fillFrameworks(cell, ids, links, empty) {
    while (cell.firstChild) cell.removeChild(cell.firstChild);
    if (!ids.length) {
      cell.textContent = empty;
      return;
    }
    ids.forEach(function (id, i) {
      if (i) cell.appendChild(document.createTextNode(", "));
      cell.appendChild(links[id].cloneNode(true));
    });
  }

  /* Partners table: Partner | Region | Takes part in | Suspended or ended | Ally since. */
  function setupPartnersHistory(container, table) {
    var states = statesOf(container);
    if (!states) return null;
    var rows = rowStates(table, states).filter(function (row) { return row.el.cells.length >= 5; });
    rows.forEach(function (row) {
      // Every framework the partner ever had is linked in today's row: keep one of each.
      row.links = {};
      Array.prototype.forEach.call(row.el.querySelectorAll("a[data-framework]"), function (link) {
        row.links[link.getAttribute("data-framework")] = link.cloneNode(true);
      });
    });

    return function apply(year) {
      rows.forEach(function (row) {
        var state = inForce(row.entries, year);
        var cells = row.el.cells;
        fillFrameworks(cells[2], state.current.filter(function (id) { return row.links[id]; }), row.links, states.empty);
        fillFrameworks(cells[3], state.former.filter(function (id) { return row.links[id]; }), row.links, states.empty);
        cells[4].textContent = state.ally;
        setRowHidden(row.el, "data-history-hidden", state.hidden);
      });
      return statusOf(states, year);
    };
  }

  /* Matrix: one span.period per membership, in the order of each row's cells in the states. */
  function setupMatrixHistory(container, table) {
    var states = statesOf(container);
    if (!states) return null;
    var rows = rowStates(table, states);
    rows.forEach(function (row) { row.spans = row.el.querySelectorAll("span.period"); });

    return function apply(year) {
      rows.forEach(function (row) {
        var state = inForce(row.entries, year);
        state.cells.forEach(function (cell, i) {
          var span = row.spans[i];
          if (!span) return;
          span.textContent = cell[0];
          span.hidden = cell[0] === "";
          span.setAttribute("data-state", cell[1]);
        });
        setRowHidden(row.el, "data-history-hidden", state.hidden);
      });
      return statusOf(states, year);
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
    [["partners", setupPartnersHistory], ["matrix", setupMatrixHistory]].forEach(function (kind) {
      Array.prototype.forEach.call(document.querySelectorAll('[data-history="' + kind[0] + '"]'), function (container) {
        var table = container.querySelector("table");
        var view = table ? kind[1](container, table) : null;
        if (view) views.push(view);
      });
    });
    if (!views.length) return;
    var status = control.querySelector(".history-status");

    function apply() {
      var year = parseInt(select.value, 10);
      if (isNaN(year)) return;
      var messages = views.map(function (view) { return view(year); });
      if (status) status.textContent = messages.join(" ");
      // A filter's count covers the rows of the year shown: count again.
      Array.prototype.forEach.call(document.querySelectorAll(".table-filter input"), function (input) {
        if (input.value.trim()) input.dispatchEvent(new Event("input"));
      });
    }

    select.addEventListener("change", apply);
    control.hidden = false;
    // The browser may restore an earlier choice on back navigation: show what is selected.
    apply();
  }

  /* --- Sorting and filtering of .data-table tables ------------------------------------- */

  // Sort keys go in three groups, in both directions: known values, then unknown ones ("?",
  // a start no source gives), then empty cells ("" or "—").
  function keyGroup(key) {
    if (key === "" || key === "—") return 2;
    return key.charAt(0) === "?" ? 1 : 0;
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
        // Ties keep the current order.
        var groups = keyGroup(a.key) - keyGroup(b.key);
        if (groups) return groups;
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

    // The button is laid over the header, in room the stylesheet keeps for it from the first
    // paint, so adding it moves nothing. It covers the whole header, except one that holds a
    // link (the matrix's frameworks), where it takes only the room at the right: a link
    // inside a button is invalid HTML and unusable by keyboard.
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.setAttribute("aria-label", say("sort_by", {column: th.textContent.replace(/\s+/g, " ").trim()}));
      if (!th.querySelector("a, button, input, select, textarea")) button.classList.add("sort-button--cover");
      var arrow = document.createElement("span");
      arrow.className = "sort-indicator";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(index); });
    });
  }

  function setupFilter(table) {
    var body = table.tBodies[0];
    if (!body) return;
    // The page writes the filter, hidden (templates/_macros.md.j2, table_filter), so that the
    // table does not move down when it appears.
    var container = table.closest(".data-table");
    var box = container ? container.querySelector(".table-filter") : null;
    if (!box) return;
    var input = box.querySelector("input");
    var count = box.querySelector(".table-filter-status");
    if (!input || !count) return;
    box.hidden = false;
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      var considered = 0;
      Array.prototype.forEach.call(body.rows, function (row) {
        var hidden = query !== "" && fold(row.textContent).indexOf(query) < 0;
        setRowHidden(row, "data-filter-hidden", hidden);
        if (row.hasAttribute("data-history-hidden")) return;  // not in the chosen year at all
        considered++;
        if (!hidden) shown++;
      });
      if (query === "") count.textContent = "";
      else if (shown === 0) count.textContent = say("no_row_matches", {query: input.value.trim()});
      else count.textContent = say("rows_match", {num: shown, total: considered}, shown);
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
      if (status) status.textContent = say("milestones_shown", {num: shown}, shown);
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

  /* --- Search: "Did you mean" for a mistyped name ---------------------------------------- */

  // Material's search finds words by their beginning: "Swden" or "Mediteranean" find nothing.
  // The names of the frameworks and partners (with their French names, acronyms and other
  // spellings) come with the page as data; a query one or two letters away from one of them
  // gets a link to that page above the results. Distances are optimal string alignment
  // (Damerau-Levenshtein without repeated edits of one letter).
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var previous2 = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a.charAt(i - 1) === b.charAt(k - 1) ? 0 : 1;
        var value = Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost);
        if (previous2 && i > 1 && k > 1 && a.charAt(i - 1) === b.charAt(k - 2) && a.charAt(i - 2) === b.charAt(k - 1)) {
          value = Math.min(value, previous2[k - 2] + 1);
        }
        row.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return limit + 1;
      previous2 = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function suggestionsFor(query, entries) {
    var folded = fold(query).replace(/\s+/g, " ").trim();
    if (folded.length < 4) return [];
    var limit = folded.length >= 8 ? 2 : 1;
    var found = [];
    entries.forEach(function (item) {
      var entry = { path: item[0], title: item[1], names: item[2] };
      var best = limit + 1;
      entry.names.forEach(function (name) {
        var whole = fold(name);
        var words = whole.split(/[\s\-–'’()«»]+/);
        // A word that starts with the query: Material's own search finds it, no suggestion.
        if (words.some(function (word) { return word.indexOf(folded) === 0; })) best = -1;
        [whole].concat(words).forEach(function (candidate) {
          if (best >= 0 && candidate.length >= 4) best = Math.min(best, distance(folded, candidate, limit));
        });
      });
      if (best >= 0 && best <= limit) found.push({ entry: entry, distance: best });
    });
    found.sort(function (a, b) { return a.distance - b.distance || (a.entry.title < b.entry.title ? -1 : 1); });
    return found.slice(0, 3).map(function (f) { return f.entry; });
  }

  function setupSuggestions() {
    var data = document.getElementById("search-names");
    var input = document.querySelector("input.md-search__input");
    var output = document.querySelector(".md-search-result");
    var config = document.getElementById("__config");
    if (!data || !input || !output || !config) return;
    var entries = JSON.parse(data.textContent);
    var base = JSON.parse(config.textContent).base.replace(/\/$/, "");
    var box = document.createElement("p");
    box.className = "search-suggestions";
    box.setAttribute("aria-live", "polite");
    box.hidden = true;
    output.insertBefore(box, output.firstChild);

    input.addEventListener("input", function () {
      var found = suggestionsFor(input.value, entries);
      while (box.firstChild) box.removeChild(box.firstChild);
      box.hidden = !found.length;
      if (!found.length) return;
      var sentence = around("did_you_mean");
      box.appendChild(document.createTextNode(sentence[0] || ""));
      found.forEach(function (entry, i) {
        if (i) box.appendChild(document.createTextNode(i === found.length - 1 ? around("or")[1] || " or " : ", "));
        var link = document.createElement("a");
        link.href = base + "/" + entry.path;
        link.textContent = entry.title;
        box.appendChild(link);
      });
      box.appendChild(document.createTextNode(sentence[1] || ""));
    });
  }

  function init() {
    // One feature failing must not take the others down.
    [setupTables, setupHistory, setupTimeline, setupMapFocus, setupSuggestions].forEach(function (setup) {
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
