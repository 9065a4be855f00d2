/* NATO's partnerships: Material's own search worker, with two changes a reader of this site
 * needs. overrides/main.html starts this file instead of Material's worker and names
 * Material's worker after the "#" of this file's address; this file loads it and sits
 * between it and the page.
 *
 * 1. A page whose name, acronym or other spelling is exactly the query comes first.
 *    Material matches word beginnings, so "COR" (the NATO-Russia Council in French) also
 *    matches every "Corée" of the Republic of Korea's page and ranked it first, and
 *    "Ukraine" ranked the NATO-Ukraine Council above Ukraine. The names are the page's title
 *    and its search tags (views.search_terms), compared without accents, case or hyphens.
 *
 * 2. The query is stemmed in the edition's language (lunr's English stemmer, lunr-languages'
 *    French one): "partenariats" also finds "partenariat", "members" finds "member". Material
 *    leaves the stemmer out of its index on purpose, since a stemmed index would miss whole
 *    words under its word-beginning matching ("dialogue" is indexed "dialogu"); so the stem
 *    of each query word is added to the query instead, where it was cut from the word's end,
 *    and it is taken out of the "missing words" Material shows under each result.
 *
 * The messages are Material's (its SearchMessageType): 0 sets the index up, 2 is a query,
 * 3 its result. Plain ES2017, like partnerships.js; it also runs from file:// in Material's
 * iframe stand-in for a worker (the offline edition), where importScripts is asynchronous.
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var COMBINING = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  var SYNTAX = /["*~^:+]/; // a query using lunr's syntax is left as the reader wrote it

  var names = {}; // page location -> {folded name: true}
  var separator = /[\s\-]+/;
  var languages = ["en"];
  var stemmer; // undefined until the first query after set-up; null if there is none
  var stemsOfLastQuery = {}; // stem -> the query word it came from

  function fold(text) {
    return String(text || "")
      .normalize("NFD")
      .replace(COMBINING, "")
      .toLowerCase()
      .replace(/\u2019/g, "'")
      .split(separator)
      .filter(Boolean)
      .join(" ");
  }

  function pageOf(location) {
    return location.split("#")[0];
  }

  function readNames(docs) {
    var found = {};
    docs.forEach(function (doc) {
      if (doc.location.indexOf("#") !== -1) return;
      var own = (found[doc.location] = {});
      [doc.title].concat(doc.tags || []).forEach(function (name) {
        if (name) own[fold(name)] = true;
      });
    });
    return found;
  }

  function stemmerFor(language) {
    var lunr = self.lunr;
    var stem = language === "en" ? lunr.stemmer : lunr[language] && lunr[language].stemmer;
    if (!stem) return null;
    return function (word) {
      return String(stem(new lunr.Token(word, {})));
    };
  }

  /* The query with the stem of each word in front of it, where the stemmer cut an ending
     (a stem that changes the word otherwise, as some English ones do, is left out). */
  function withStems(query) {
    stemsOfLastQuery = {};
    if (!stemmer || SYNTAX.test(query)) return query;
    var stems = [];
    query.split(separator).forEach(function (word) {
      var lower = word.toLowerCase();
      if (lower.length < 4) return;
      // The French stemmer also drops accents ("adhésions": "adhes"), and the index keeps
      // them: the word's own first letters, as many as the stem has, are searched instead.
      var stem = stemmer(lower);
      var cut = lower.slice(0, stem.length);
      if (stem.length >= 3 && cut !== lower && fold(cut) === fold(stem) && !stemsOfLastQuery[cut]) {
        stemsOfLastQuery[cut] = lower;
        stems.push(cut);
      }
    });
    return stems.length ? stems.join(" ") + " " + query : query;
  }

  /* A stem found counts as its word found; the stems themselves are not shown. */
  function withoutStems(terms) {
    if (!terms) return terms;
    var shown = {};
    Object.keys(terms).forEach(function (term) {
      var word = stemsOfLastQuery[term];
      if (word === undefined) shown[term] = shown[term] || terms[term];
      else shown[word] = shown[word] || terms[term];
    });
    return shown;
  }

  function ranked(data, query) {
    var wanted = fold(query);
    var exact = [], others = [];
    data.items.forEach(function (group) {
      group.forEach(function (doc) {
        doc.terms = withoutStems(doc.terms);
      });
      var own = wanted && group.length && names[pageOf(group[0].location)];
      (own && own[wanted] ? exact : others).push(group);
    });
    data.items = exact.concat(others);
    return data;
  }

  var lastQuery = "";
  var listen = self.addEventListener.bind(self);
  var post = self.postMessage;

  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return listen(type, listener, options);
    listen(
      type,
      function (event) {
        var message = event.data || {};
        if (message.type === SETUP) {
          var config = message.data.config || {};
          names = readNames(message.data.docs || []);
          separator = new RegExp(config.separator || "[\\s\\-]+");
          languages = config.lang || ["en"];
          stemmer = undefined; // Material's setup, below, loads the language's stemmer
        }
        if (message.type === QUERY && typeof message.data === "string") {
          if (stemmer === undefined) stemmer = languages.length === 1 ? stemmerFor(languages[0]) : null;
          lastQuery = message.data;
          return listener({ data: { type: QUERY, data: withStems(message.data) } });
        }
        return listener(event);
      },
      options
    );
  };

  self.postMessage = function (message, transfer) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message = { type: RESULT, data: ranked(message.data, lastQuery) };
    }
    return transfer === undefined ? post.call(self, message) : post.call(self, message, transfer);
  };

  // Material's worker, named after the "#" of this file's address (overrides/main.html).
  var here = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var material = decodeURIComponent(here.split("#")[1] || "").split("?")[0];
  self.importScripts(new URL(material, here).href);
})();
