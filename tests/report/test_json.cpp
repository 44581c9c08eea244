#include "koda/report/json.hpp"

#include <doctest/doctest.h>

using koda::report::JsonWriter;

TEST_SUITE("report::json") {
  TEST_CASE("nested values, escaping and both layouts") {
    auto write = [](bool pretty) {
      std::string out;
      JsonWriter json(out, pretty);
      json.begin_object();
      json.key("text").value("kata \"dia\"\n\ttab \x01 é");
      json.key("n").value(42);
      json.key("list").begin_array().value(true).null().begin_object().end_object().end_array();
      json.key("empty").begin_array().end_array();
      json.end_object();
      return out;
    };
    CHECK(write(false) ==
          R"({"text":"kata \"dia\"\n\ttab \u0001 é","n":42,"list":[true,null,{}],"empty":[]})");
    CHECK(write(true) == "{\n  \"text\": \"kata \\\"dia\\\"\\n\\ttab \\u0001 é\",\n  \"n\": 42,\n"
                         "  \"list\": [\n    true,\n    null,\n    {}\n  ],\n  \"empty\": []\n}\n");
  }
}
