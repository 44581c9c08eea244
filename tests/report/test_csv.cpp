#include "koda/report/csv.hpp"

#include <doctest/doctest.h>

using koda::report::DelimitedWriter;

TEST_SUITE("report::csv") {
  TEST_CASE("CSV quotes only what needs it; TSV flattens") {
    std::string csv;
    DelimitedWriter(csv, DelimitedWriter::Style::csv)
        .row({"doc", "kata \"dia\"", "a,b", "baris\nbaru", "Rp 2.500.000"});
    CHECK(csv == "doc,\"kata \"\"dia\"\"\",\"a,b\",\"baris\nbaru\",Rp 2.500.000\n");
    std::string tsv;
    DelimitedWriter(tsv, DelimitedWriter::Style::tsv).row({"a\tb", "c\nd", "e"});
    CHECK(tsv == "a b\tc d\te\n");
  }
}
