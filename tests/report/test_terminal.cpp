#include "koda/report/terminal.hpp"

#include <doctest/doctest.h>

using namespace koda::report;

TEST_SUITE("report::terminal") {
  TEST_CASE("display width counts wide characters twice and combining marks not at all") {
    CHECK(display_width("abc") == 3);
    CHECK(display_width("é") == 1);         // precomposed
    CHECK(display_width("e\xCC\x81") == 1); // e + combining acute
    CHECK(display_width("日本") == 4);
    CHECK(display_width("") == 0);
  }

  TEST_CASE("padding and truncation keep columns aligned") {
    CHECK(pad_right("日本", 6) == "日本  ");
    CHECK(pad_left("7", 3) == "  7");
    CHECK(pad_right("panjang", 3) == "panjang");
    CHECK(truncate_display("Dana belum\ncair  sama sekali", 40) == "Dana belum cair sama sekali");
    CHECK(truncate_display("Dana belum cair", 10) == "Dana belu…");
    CHECK(truncate_display("日本語の文", 5) == "日本…");
    CHECK(truncate_display("tepat", 5) == "tepat");
  }
}
