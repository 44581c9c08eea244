#pragma once

// The hand-made Summary the summary writer tests share: a factor with a child, a factor
// without codings, three stages (dated, undated, without evidence). The strings each
// format must escape differ by format, so they are parameters.

#include "koda/analysis/summary.hpp"

#include <string>

namespace koda::testing {

struct SummarySampleText {
  std::string child_label; // the child factor's label
  std::string quote_doc;   // the child's obstacle quote: its document
  std::string quote;       // and its text
  std::string empty_label; // the label of the factor without codings
  std::string closing;
};

inline analysis::Summary summary_sample(analysis::SummaryLanguage language,
                                        const SummarySampleText& text) {
  using analysis::SummaryFactor;
  analysis::Summary s;
  s.language = language;
  s.codebook = "Uji & coba";
  s.documents_total = 3;
  s.informants_total = 2;
  SummaryFactor child{
      "sumberdaya/sdm",
      text.child_label,
      2,
      2,
      0,
      2,
      2,
      {{"relawan", 2}},
      {{text.quote_doc, 4, "Pak A", "lurah", coding::Valence::obstacle, text.quote}},
      {}};
  SummaryFactor resources{"sumberdaya",
                          "Sumber daya",
                          3,
                          2,
                          1,
                          2,
                          2,
                          {{"relawan", 2}, {"alat", 1}},
                          {{"c.md", 2, "", "", coding::Valence::support, "Alat lancar."}},
                          {child}};
  SummaryFactor funds{"dana", text.empty_label, 0, 0, 0, 0, 0, {}, {}, {}};
  s.ranking = {resources, funds};
  s.has_stages = true;
  s.stages = {{"sosialisasi", "Sosialisasi", 0, 2, 1, 1, 0, "2008-03-15"},
              {"pelaksanaan/fisik", "Fisik", 1, 1, 1, 0, 0, ""},
              {"audit", "Audit", 0, 0, 0, 0, 0, ""}};
  s.cooccurrence.codes = {{"sumberdaya", "Sumber daya", 0, -1}, {"dana", text.empty_label, 0, -1}};
  s.cooccurrence.both = {3, 0, 0, 0};
  s.closing = text.closing;
  return s;
}

} // namespace koda::testing
