#include "koda/analysis/summary_quotes.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using koda::analysis::citation;
using koda::analysis::quote_sentence;
using koda::analysis::QuoteFit;
using koda::analysis::QuoteRank;
using koda::analysis::QuoteSelector;
using koda::analysis::SummaryQuote;
using koda::analysis::trim_quote;
using koda::coding::Coding;
using koda::coding::Valence;
using koda::text::Span;

namespace {

// The span of the first `word` in `text` at or after `from`.
Span find(const std::string& text, std::string_view word, std::size_t from = 0) {
  const std::size_t at = text.find(word, from);
  REQUIRE(at != std::string::npos);
  return {at, at + word.size()};
}

std::string text_of(const std::string& text, Span span) {
  return text.substr(span.start, span.end - span.start);
}

std::size_t chars(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

SummaryQuote quote(std::string text) {
  SummaryQuote q;
  q.text = std::move(text);
  return q;
}

std::string texts(const QuoteSelector& selector) {
  std::string out;
  for (const SummaryQuote& q : selector.quotes())
    out += q.text + ";";
  return out;
}

} // namespace

TEST_SUITE("analysis::summary_quotes") {

  TEST_CASE("the sentence holding both a matched term and the cue is quoted") {
    //                        sentence 0        sentence 1                      sentence 2
    const std::string text = "Dana sudah cair. Tapi relawan kurang terlatih. Relawan lain rajin.";
    const std::vector<Span> sentences{{0, 16}, {17, 46}, {47, 66}};
    Coding coding;
    coding.matched = {find(text, "relawan"), find(text, "Relawan")};
    coding.cue = find(text, "kurang");
    coding.has_cue = true;
    coding.valence = Valence::obstacle;
    const auto picked = quote_sentence(sentences, coding);
    CHECK(picked.fit == QuoteFit::term_and_cue);
    CHECK(text_of(text, picked.sentence) == "Tapi relawan kurang terlatih.");
    CHECK(text_of(text, picked.focus) == "relawan kurang");
  }

  TEST_CASE("without a term in the cue's sentence the cue's sentence is quoted") {
    // `valence scope unit`: the cue decided from another sentence than the term's.
    const std::string text = "Relawan ada dua puluh. Semuanya kurang terlatih.";
    const std::vector<Span> sentences{{0, 22}, {23, 48}};
    Coding coding;
    coding.matched = {find(text, "Relawan")};
    coding.cue = find(text, "kurang");
    coding.has_cue = true;
    SUBCASE("with a cue") {
      const auto picked = quote_sentence(sentences, coding);
      CHECK(picked.fit == QuoteFit::cue);
      CHECK(text_of(text, picked.sentence) == "Semuanya kurang terlatih.");
      CHECK(text_of(text, picked.focus) == "kurang");
    }
    SUBCASE("without a cue, the first matched term's sentence") {
      coding.has_cue = false;
      const auto picked = quote_sentence(sentences, coding);
      CHECK(picked.fit == QuoteFit::term);
      CHECK(text_of(text, picked.sentence) == "Relawan ada dua puluh.");
    }
  }

  TEST_CASE("a negated cue is quoted with its negation and the nearest term") {
    const std::string text = "Dana ada, tapi soal dana tidak ada kendala.";
    const std::vector<Span> sentences{{0, 43}};
    Coding coding;
    coding.matched = {find(text, "Dana"), find(text, "dana")};
    coding.cue = {find(text, "tidak").start, find(text, "kendala").end};
    coding.has_cue = true;
    const auto picked = quote_sentence(sentences, coding);
    CHECK(text_of(text, picked.focus) == "dana tidak ada kendala");
  }

  TEST_CASE("a short sentence is quoted whole, with white space squeezed") {
    CHECK(trim_quote("Tapi relawan kurang\n   terlatih.", {5, 12}) ==
          "Tapi relawan kurang terlatih.");
  }

  TEST_CASE("a long sentence is cut at word boundaries around the focus") {
    SUBCASE("both sides") {
      const std::string s = "satu dua tiga empat lima enam tujuh";
      CHECK(trim_quote(s, find(s, "empat"), 15) == "…tiga empat lima…");
    }
    SUBCASE("a window past the end slides back") {
      const std::string s = "satu dua tiga empat lima enam tujuh";
      CHECK(trim_quote(s, find(s, "tujuh"), 15) == "…lima enam tujuh");
    }
    SUBCASE("at the start") {
      const std::string s = "satu dua tiga empat lima enam tujuh";
      CHECK(trim_quote(s, find(s, "satu"), 15) == "satu dua tiga…");
    }
    SUBCASE("never inside a word or a UTF-8 character") {
      // Windows are counted in characters; é is two bytes.
      const std::string s = "ééé ééé ééé ééé ééé";
      const Span middle = {find(s, " ").end + 7, find(s, " ").end + 13}; // the third word
      REQUIRE(text_of(s, middle) == "ééé");
      CHECK(trim_quote(s, middle, 7) == "…ééé…");
    }
  }

  TEST_CASE("the default cut keeps at most 240 characters, centred on the focus") {
    std::string s;
    for (int i = 0; i < 60; ++i)
      s += "kata—é ";
    s += "FOKUS ";
    for (int i = 0; i < 60; ++i)
      s += "lain—é ";
    s.pop_back();
    const std::string out = trim_quote(s, find(s, "FOKUS"));
    REQUIRE(out.starts_with("…"));
    REQUIRE(out.ends_with("…"));
    const std::string inner = out.substr(3, out.size() - 6);
    CHECK(chars(inner) <= 240);
    CHECK(chars(inner) >= 228); // at most one word lost on each side
    CHECK(s.find(inner) != std::string::npos);
    CHECK(inner.starts_with("kata"));
    CHECK(inner.ends_with("lain—é"));
    const std::size_t before = chars(inner.substr(0, inner.find("FOKUS")));
    const std::size_t after = chars(inner.substr(inner.find("FOKUS") + 5));
    CHECK(std::max(before, after) - std::min(before, after) <= 8);
  }

  TEST_CASE("citations leave out what is missing") {
    SummaryQuote q;
    q.doc = "a.md";
    q.line = 12;
    CHECK(citation(q) == "a.md:12");
    q.role = "lurah";
    CHECK(citation(q) == "a.md:12 (lurah)");
    q.speaker = "Pak Darmono (Lurah)";
    CHECK(citation(q) == "a.md:12 (Pak Darmono (Lurah), lurah)");
    q.role.clear();
    CHECK(citation(q) == "a.md:12 (Pak Darmono (Lurah))");
  }

  TEST_CASE("quotes come from distinct sources, the best first") {
    QuoteSelector selector;
    const QuoteRank both_short{QuoteFit::term_and_cue, 10, 0};
    selector.offer("INF-1", both_short, quote("a"));
    selector.offer("INF-1", {QuoteFit::term_and_cue, 5, 1}, quote("b")); // better, same source
    selector.offer("INF-2", {QuoteFit::cue, 3, 2}, quote("c"));          // shorter, worse fit
    selector.offer("INF-3", {QuoteFit::term_and_cue, 30, 3}, quote("d"));
    selector.offer("doc.md", {QuoteFit::term_and_cue, 20, 4}, quote("e"));
    CHECK(texts(selector) == "b;e;d;");
    CHECK(!selector.wants("INF-2", {QuoteFit::term_and_cue, 31, 5}));
    CHECK(selector.wants("INF-3", {QuoteFit::term_and_cue, 29, 5}));
  }

  TEST_CASE("the choice does not depend on the order candidates arrive in") {
    struct Candidate {
      std::string source;
      QuoteRank rank;
      std::string text;
    };
    std::vector<Candidate> candidates{
        {"A", {QuoteFit::term_and_cue, 9, 0}, "a1"}, {"A", {QuoteFit::term_and_cue, 4, 5}, "a2"},
        {"B", {QuoteFit::term_and_cue, 6, 1}, "b1"}, {"C", {QuoteFit::cue, 2, 2}, "c1"},
        {"D", {QuoteFit::term_and_cue, 6, 3}, "d1"}, {"B", {QuoteFit::term, 1, 4}, "b2"}};
    std::vector<std::size_t> order{0, 1, 2, 3, 4, 5};
    do {
      QuoteSelector selector;
      for (std::size_t i : order)
        selector.offer(candidates[i].source, candidates[i].rank, quote(candidates[i].text));
      REQUIRE(texts(selector) == "a2;b1;d1;");
    } while (std::next_permutation(order.begin(), order.end()));
  }
}
