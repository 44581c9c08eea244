#include "koda/report/freq_writer.hpp"

#include <doctest/doctest.h>

#include <string>

using koda::analysis::Cooccurrence;
using koda::analysis::FreqDimension;
using koda::analysis::FreqOptions;
using koda::analysis::FreqPercent;
using koda::analysis::FreqRow;
using koda::analysis::FreqTable;
using koda::report::cooccurrence_report;
using koda::report::freq_report;
using koda::report::FreqFormat;
using koda::report::ValenceColumns;

namespace {

FreqRow row(std::string path, std::string label, std::size_t depth, std::uint64_t units,
            double share) {
  FreqRow r;
  r.path = std::move(path);
  r.label = std::move(label);
  r.depth = depth;
  r.counts = {units, 2, 1, 1, 0, units - 1};
  r.share = share;
  return r;
}

// A parent "Sumber daya" with a child "Dana" (a wide character in the label), 3 coded units.
FreqTable table() {
  FreqTable t;
  t.rows = {row("sumberdaya", "Sumber daya", 0, 2, 200.0 / 3),
            row("sumberdaya/dana", "Dana 金", 1, 1, 100.0 / 3)};
  t.total = row("", "", 0, 3, 100);
  return t;
}

} // namespace

TEST_SUITE("report::freq_writer") {

  TEST_CASE("table: aligned, indented by depth, percentages to one decimal") {
    CHECK(freq_report(table(), {}, ValenceColumns::hide, FreqFormat::table) ==
          "label        units  documents  informants   share  code\n"
          "Sumber daya      2          2           1   66.7%  sumberdaya\n"
          "  Dana 金        1          2           1   33.3%  sumberdaya/dana\n"
          "-------------------------------------------------\n"
          "total            3          2           1  100.0%\n");
  }

  TEST_CASE("csv: plain numbers, the totals row last") {
    CHECK(freq_report(table(), {}, ValenceColumns::show, FreqFormat::csv) ==
          "code,label,depth,units,documents,informants,share,obstacle,support,neutral\n"
          "sumberdaya,Sumber daya,0,2,2,1,66.66666666666667,1,0,1\n"
          "sumberdaya/dana,Dana 金,1,1,2,1,33.333333333333336,1,0,0\n"
          ",total,0,3,2,1,100,1,0,2\n");
  }

  TEST_CASE("md: a pipe table with the totals in bold") {
    CHECK(freq_report(table(), {}, ValenceColumns::hide, FreqFormat::md) ==
          "| code | label | units | documents | informants | share |\n"
          "|---|---|---:|---:|---:|---:|\n"
          "| sumberdaya | Sumber daya | 2 | 2 | 1 | 66.7% |\n"
          "| sumberdaya/dana | Dana 金 | 1 | 2 | 1 | 33.3% |\n"
          "|  | **total** | **3** | **2** | **1** | **100.0%** |\n");
  }

  TEST_CASE("crosstab percentages: one decimal in text, raw in json") {
    FreqTable t = table();
    t.columns = {"lurah", "warga"};
    t.rows.pop_back();
    t.rows[0].cells = {1, 1};
    t.rows[0].cells_total = 2;
    t.rows[0].percents = {50, 100.0 / 3};
    t.total.cells = {2, 1};
    t.total.cells_total = 3;
    t.total.percents = {100, 100};
    FreqOptions options;
    options.by = FreqDimension::attribute;
    options.by_key = "role";
    options.percent = FreqPercent::column;
    CHECK(freq_report(t, options, ValenceColumns::hide, FreqFormat::tsv) ==
          "code\tlabel\tdepth\tlurah\twarga\ttotal\n"
          "sumberdaya\tSumber daya\t0\t50\t33.333333333333336\t2\n"
          "\ttotal\t0\t100\t100\t3\n");
    CHECK(freq_report(t, options, ValenceColumns::hide, FreqFormat::table) ==
          "label         lurah   warga  total  code\n"
          "Sumber daya   50.0%   33.3%      2  sumberdaya\n"
          "----------------------------------\n"
          "total        100.0%  100.0%      3\n");
  }

  TEST_CASE("no codings: the header and a line saying so") {
    FreqTable t;
    CHECK(freq_report(t, {}, ValenceColumns::hide, FreqFormat::table) ==
          "label  units  documents  informants  share  code\nno codings\n");
    CHECK(freq_report(t, {}, ValenceColumns::hide, FreqFormat::csv) ==
          "code,label,depth,units,documents,informants,share\n");
    CHECK(freq_report(t, {}, ValenceColumns::hide, FreqFormat::json) ==
          "{\n  \"rows\": [],\n  \"total\": null\n}\n");
  }

  TEST_CASE("co-occurrence: a matrix to read, pairs to compute with") {
    Cooccurrence m;
    m.codes = {{"a", "A", 0, -1}, {"b", "B", 0, -1}};
    m.both = {2, 1, 1, 2};
    CHECK(cooccurrence_report(m, false, FreqFormat::table) == "code  a  b\n"
                                                              "a     2  1\n"
                                                              "b     1  2\n");
    CHECK(cooccurrence_report(m, true, FreqFormat::table) == "code      a      b\n"
                                                             "a     1.000  0.333\n"
                                                             "b     0.333  1.000\n");
    CHECK(cooccurrence_report(m, true, FreqFormat::csv) ==
          "code_a,code_b,units_a,units_b,both,jaccard\n"
          "a,a,2,2,2,1\n"
          "a,b,2,2,1,0.3333333333333333\n"
          "b,a,2,2,1,0.3333333333333333\n"
          "b,b,2,2,2,1\n");
  }

} // TEST_SUITE

TEST_SUITE("report::freq_chart") {
  TEST_CASE("bars are proportional to units, in eighths of a column") {
    koda::analysis::FreqTable table;
    koda::analysis::FreqRow parent;
    parent.label = "Sumber daya";
    parent.counts.units = 8;
    koda::analysis::FreqRow child;
    child.label = "Dana";
    child.depth = 1;
    child.counts.units = 3;
    koda::analysis::FreqRow rare;
    rare.label = "SDM";
    rare.depth = 1;
    rare.counts.units = 0;
    table.rows = {parent, child, rare};
    table.total.counts.units = 8;
    // 8 units fill 4 columns; 3 units are 12 eighths: one full block and a half block.
    CHECK(koda::report::freq_chart(table, 4) == "Sumber daya  ████ 8\n"
                                                "  Dana       █▌ 3\n"
                                                "  SDM         0\n");
    table.total.counts.units = 0;
    CHECK(koda::report::freq_chart(table, 4) == "no codings\n");
  }
}
