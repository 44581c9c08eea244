#include "koda/report/summary_html.hpp"
#include "koda/report/summary_writer.hpp"
#include "summary_sample.hpp"

#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

using koda::analysis::Summary;
using koda::analysis::SummaryLanguage;
using koda::report::summary_html;

namespace {

Summary sample(SummaryLanguage language = SummaryLanguage::id) {
  return koda::testing::summary_sample(language, {"SDM", "a&b.md", "Relawan <kurang> & \"lambat\"",
                                                  "Dana <script>", "Penutup: A & B."});
}

bool has(const std::string& html, std::string_view fragment) {
  return html.find(fragment) != std::string::npos;
}

std::size_t count(const std::string& html, std::string_view fragment) {
  std::size_t n = 0;
  for (std::size_t at = html.find(fragment); at != std::string::npos;
       at = html.find(fragment, at + 1))
    ++n;
  return n;
}

} // namespace

TEST_SUITE("report::summary_html") {

  TEST_CASE("a page in the summary's language, its title escaped") {
    const std::string html = summary_html(sample());
    CHECK(html.starts_with(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"));
    CHECK(has(html, "<title>Ringkasan faktor penghambat dan pendukung — Uji &amp; coba</title>"));
    CHECK(has(html, "<h1>Ringkasan faktor penghambat dan pendukung</h1>\n"
                    "<p>Buku kode: Uji &amp; coba. Dokumen: 3. Informan: 2.</p>\n"));
    CHECK(html.ends_with("<h2>Kesimpulan</h2>\n<p>Penutup: A &amp; B.</p>\n</section>\n</main>\n"
                         "</body>\n</html>\n"));
    CHECK(summary_html(sample(SummaryLanguage::en))
              .starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
  }

  TEST_CASE("the ranking table: a row per factor, children indented, labels escaped") {
    const std::string html = summary_html(sample());
    CHECK(has(html,
              "<thead><tr><th class=\"n\">No.</th><th>Faktor</th><th class=\"n\">Hambatan</th>"
              "<th class=\"n\">Pendukung</th><th class=\"n\">Dokumen</th>"
              "<th class=\"n\">Informan</th><th>Kode</th></tr></thead>\n"));
    CHECK(has(html,
              "<tr class=\"top\"><td class=\"n\">1</td><td class=\"label\">"
              "<a href=\"#f-1\">Sumber daya</a></td><td class=\"n\">2</td>"
              "<td class=\"n\">1</td><td class=\"n\">2 dari 3</td><td class=\"n\">2 dari 2</td>"
              "<td class=\"code\"><code>sumberdaya</code></td></tr>\n"));
    CHECK(has(html,
              "<tr><td class=\"n\">1.1</td><td class=\"label\" style=\"padding-left:1.85rem\">"
              "<a href=\"#f-1-1\">SDM</a></td><td class=\"n\">2</td><td class=\"n\">0</td>"
              "<td class=\"n\">2 dari 3</td><td class=\"n\">2 dari 2</td>"
              "<td class=\"code\"><code>sumberdaya/sdm</code></td></tr>\n"));
    // A factor without codings has no section to link to.
    CHECK(has(html, "<tr class=\"top\"><td class=\"n\">2</td><td class=\"label\">"
                    "Dana &lt;script&gt;</td><td class=\"n\">0</td>"));
    CHECK_FALSE(has(html, "id=\"f-2\""));
  }

  TEST_CASE("factor sections: counts, terms, quotes under the leaves as blockquote and cite") {
    const std::string html = summary_html(sample());
    CHECK(has(html, "<section class=\"factor\" id=\"f-1-1\">\n<header>\n<h3>1.1 SDM</h3>\n"
                    "<p>2 unit hambatan dan 0 unit pendukung dari 2 unit terkode; disebut dalam 2 "
                    "dari 3 dokumen oleh 2 dari 2 informan.</p>\n"
                    "<p>Istilah yang paling sering memicu faktor ini: relawan (2).</p>\n"
                    "</header>\n<h4>Kutipan hambatan</h4>\n"
                    "<figure class=\"quote obstacle\">\n"
                    "<blockquote><p>“Relawan &lt;kurang&gt; &amp; &quot;lambat&quot;”</p>"
                    "</blockquote>\n"
                    "<figcaption>— <cite>a&amp;b.md:4 (Pak A, lurah)</cite></figcaption>\n"
                    "</figure>\n</section>\n"));
    CHECK(has(html, "<section class=\"factor\" id=\"f-1\">\n<header>\n<h2>1. Sumber daya</h2>\n"));
    // A parent's quotes are its children's: its own support quote is only in JSON.
    CHECK_FALSE(has(html, "Alat lancar"));
    CHECK_FALSE(has(html, "Kutipan pendukung"));
  }

  TEST_CASE("the stage table marks stages without evidence and undated ones") {
    const std::string html = summary_html(sample());
    CHECK(has(html, "<tr><td class=\"label\">Sosialisasi</td><td class=\"n\">2</td>"
                    "<td class=\"n\">1 dari 3</td><td class=\"n\">1</td><td class=\"n\">0</td>"
                    "<td class=\"date\">2008-03-15</td>"
                    "<td class=\"code\"><code>sosialisasi</code></td></tr>\n"));
    CHECK(has(html, "<tr><td class=\"label\" style=\"padding-left:1.85rem\">Fisik</td>"
                    "<td class=\"n\">1</td><td class=\"n\">1 dari 3</td><td class=\"n\">0</td>"
                    "<td class=\"n\">0</td><td class=\"date\">tanpa tanggal</td>"));
    CHECK(has(html, "<tr class=\"no-evidence\"><td class=\"label\">Audit</td><td class=\"n\">0</td>"
                    "<td class=\"n\">0 dari 3</td><td class=\"n\">0</td><td class=\"n\">0</td>"
                    "<td class=\"date\"><em>tidak ditemukan bukti</em></td>"
                    "<td class=\"code\"><code>audit</code></td></tr>\n"));
    Summary without = sample();
    without.has_stages = false;
    without.stages.clear();
    CHECK_FALSE(has(summary_html(without), "Tahapan program"));
  }

  TEST_CASE("charts are inline SVG with escaped labels, in the summary's language") {
    const std::string html = summary_html(sample(SummaryLanguage::en));
    CHECK(count(html, "<svg xmlns=\"http://www.w3.org/2000/svg\" ") == 2);
    CHECK_FALSE(has(html, "<?xml"));
    CHECK(has(html, "font-weight=\"bold\">Obstacle and support units per factor</text>"));
    CHECK(has(html, "font-weight=\"bold\">Co-occurrence of top-level factors (units)</text>"));
    CHECK(has(html, "<text x=\"30\" y=\"126\">SDM</text>\n"));
    CHECK(has(html, "<text x=\"16\" y=\"161\">Dana &lt;script&gt;</text>\n"));
    CHECK(has(html, "rotate(-90)\">Dana &lt;script&gt;</text>\n"));
    CHECK(has(html, ">Obstacle</text>"));
    CHECK(has(html, ">Support</text>"));
  }

  TEST_CASE("self-contained: no script, nothing loaded from a URL") {
    for (SummaryLanguage language : {SummaryLanguage::id, SummaryLanguage::en}) {
      const std::string html = summary_html(sample(language));
      CHECK_FALSE(has(html, "<script"));
      CHECK_FALSE(has(html, "<link"));
      CHECK_FALSE(has(html, "<img"));
      CHECK_FALSE(has(html, "url("));
      CHECK_FALSE(has(html, "@import"));
      CHECK(count(html, "http") == count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
    }
  }

  TEST_CASE("summary_report writes the same page") {
    CHECK(koda::report::summary_report(sample(), koda::report::SummaryFormat::html) ==
          summary_html(sample()));
  }
}
