#include "koda/report/summary_writer.hpp"
#include "summary_sample.hpp"

#include <doctest/doctest.h>

#include <string>

using koda::analysis::Summary;
using koda::analysis::SummaryLanguage;
using koda::report::summary_report;
using koda::report::SummaryFormat;

namespace {

Summary sample(SummaryLanguage language = SummaryLanguage::id) {
  return koda::testing::summary_sample(
      language, {"SDM_1", "a_b.md", "Relawan *kurang* & 100% {x}", "Dana", "Penutup."});
}

} // namespace

TEST_SUITE("report::summary_writer") {

  TEST_CASE("markdown: ranking, factor sections with quotes under the leaves, stages, closing") {
    CHECK(summary_report(sample(), SummaryFormat::md) ==
          "# Ringkasan faktor penghambat dan pendukung\n"
          "\n"
          "Buku kode: Uji & coba. Dokumen: 3. Informan: 2.\n"
          "\n"
          "Hambatan dan Pendukung adalah jumlah unit yang dikode dengan faktor itu (atau "
          "subfaktornya) dan bermuatan hambatan atau pendukung; Dokumen dan Informan adalah "
          "jumlah dokumen dan informan yang menyebut faktor itu. Angka dihitung seperti pada "
          "`koda freq --valence-columns`.\n"
          "\n"
          "## Peringkat faktor\n"
          "\n"
          "| No. | Faktor | Hambatan | Pendukung | Dokumen | Informan | Kode |\n"
          "|---:|---|---:|---:|---:|---:|---|\n"
          "| 1 | Sumber daya | 2 | 1 | 2 dari 3 | 2 dari 2 | `sumberdaya` |\n"
          "| 1.1 | \u00a0\u00a0SDM\\_1 | 2 | 0 | 2 dari 3 | 2 dari 2 | `sumberdaya/sdm` |\n"
          "| 2 | Dana | 0 | 0 | 0 dari 3 | 0 dari 2 | `dana` |\n"
          "\n"
          "## 1. Sumber daya\n"
          "\n"
          "2 unit hambatan dan 1 unit pendukung dari 3 unit terkode; disebut dalam 2 dari 3 "
          "dokumen oleh 2 dari 2 informan.\n"
          "\n"
          "Istilah yang paling sering memicu faktor ini: relawan (2), alat (1).\n"
          "\n"
          "### 1.1 SDM\\_1\n"
          "\n"
          "2 unit hambatan dan 0 unit pendukung dari 2 unit terkode; disebut dalam 2 dari 3 "
          "dokumen oleh 2 dari 2 informan.\n"
          "\n"
          "Istilah yang paling sering memicu faktor ini: relawan (2).\n"
          "\n"
          "**Kutipan hambatan**\n"
          "\n"
          "> “Relawan \\*kurang\\* & 100% {x}”\n"
          "> — a\\_b.md:4 (Pak A, lurah)\n"
          "\n"
          "## Tahapan program\n"
          "\n"
          "| Tahap | Unit | Dokumen | Hambatan | Pendukung | Pertama terlihat | Kode |\n"
          "|---|---:|---:|---:|---:|---|---|\n"
          "| Sosialisasi | 2 | 1 dari 3 | 1 | 0 | 2008-03-15 | `sosialisasi` |\n"
          "| \u00a0\u00a0Fisik | 1 | 1 dari 3 | 0 | 0 | tanpa tanggal | `pelaksanaan/fisik` |\n"
          "| Audit | 0 | 0 dari 3 | 0 | 0 | *tidak ditemukan bukti* | `audit` |\n"
          "\n"
          "## Kesimpulan\n"
          "\n"
          "Penutup.\n");
  }

  TEST_CASE("markdown in English, without a stage table") {
    Summary s = sample(SummaryLanguage::en);
    s.has_stages = false;
    s.stages.clear();
    const std::string md = summary_report(s, SummaryFormat::md);
    CHECK(md.starts_with("# Summary of obstacles and supporting factors\n\nCodebook: Uji & coba. "
                         "Documents: 3. Informants: 2.\n"));
    CHECK(md.find("| 1.1 | \u00a0\u00a0SDM\\_1 | 2 | 0 | 2 of 3 | 2 of 2 | `sumberdaya/sdm` |\n") !=
          std::string::npos);
    CHECK(md.find("2 obstacle and 0 support units of 2 coded units; mentioned in 2 of 3 documents "
                  "by 2 of 2 informants.\n\nTerms that triggered it most often: relawan (2).\n\n"
                  "**Obstacle quotes**\n") != std::string::npos);
    CHECK(md.find("Programme stages") == std::string::npos);
    CHECK(md.ends_with("## Conclusion\n\nPenutup.\n"));
  }

  TEST_CASE("latex: a section with booktabs tables and escaped quotes") {
    const std::string tex = summary_report(sample(), SummaryFormat::latex);
    CHECK(tex.starts_with("\\section{Ringkasan faktor penghambat dan pendukung}\n\n"
                          "Buku kode: \\emph{Uji \\& coba}. Dokumen: 3. Informan: 2.\n"));
    CHECK(tex.find("1.1 & \\quad SDM\\_1 & 2 & 0 & 2 dari 3 & 2 dari 2 \\\\\n") !=
          std::string::npos);
    CHECK(tex.find("\\subsubsection*{1.1\\ SDM\\_1}\n") != std::string::npos);
    CHECK(tex.find("\\paragraph{Kutipan hambatan}\n\n\\begin{quote}\\raggedright\n"
                   "``Relawan *kurang* \\& 100\\% \\{x\\}''\\\\\n"
                   "--- {\\small a\\_b.md:4 (Pak A, lurah)}\n\\end{quote}\n") != std::string::npos);
    CHECK(tex.find("Audit & 0 & 0 dari 3 & 0 & 0 & \\emph{tidak ditemukan bukti} \\\\\n") !=
          std::string::npos);
    CHECK(tex.find("\\quad Fisik & 1 & 1 dari 3 & 0 & 0 & tanpa tanggal \\\\\n") !=
          std::string::npos);
    CHECK(tex.ends_with("\\subsection*{Kesimpulan}\n\nPenutup.\n"));
    // Only leaves show quotes: the parent's support quote is in JSON, not here.
    CHECK(tex.find("Alat lancar") == std::string::npos);
  }

  TEST_CASE("json: the ranking tree, quotes as objects, stages, co-occurrence, closing") {
    const std::string json = summary_report(sample(), SummaryFormat::json);
    CHECK(json.starts_with("{\n  \"language\": \"id\",\n  \"codebook\": \"Uji & coba\",\n"
                           "  \"documents_total\": 3,\n  \"informants_total\": 2,\n"
                           "  \"ranking\": [\n    {\n      \"code\": \"sumberdaya\",\n"
                           "      \"label\": \"Sumber daya\",\n      \"units\": 3,\n"
                           "      \"obstacle_units\": 2,\n      \"support_units\": 1,\n"
                           "      \"documents\": 2,\n      \"informants\": 2,\n"
                           "      \"terms\": [\n        {\n          \"term\": \"relawan\",\n"
                           "          \"units\": 2\n        },\n"));
    CHECK(json.find("          \"quotes\": [\n            {\n"
                    "              \"doc\": \"a_b.md\",\n              \"line\": 4,\n"
                    "              \"speaker\": \"Pak A\",\n              \"role\": \"lurah\",\n"
                    "              \"valence\": \"obstacle\",\n"
                    "              \"text\": \"Relawan *kurang* & 100% {x}\"\n") !=
          std::string::npos);
    CHECK(json.find("      \"code\": \"audit\",\n      \"label\": \"Audit\",\n"
                    "      \"depth\": 0,\n      \"units\": 0,\n      \"documents\": 0,\n"
                    "      \"obstacle_units\": 0,\n      \"support_units\": 0,\n"
                    "      \"first_date\": null\n") != std::string::npos);
    CHECK(json.find("\"codes\": [\n      \"sumberdaya\",\n      \"dana\"\n    ],\n    \"both\": [\n"
                    "      [\n        3,\n        0\n      ],\n") != std::string::npos);
    CHECK(json.ends_with("  \"closing\": \"Penutup.\"\n}\n"));
  }
}
