#include "koda/report/json.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <random>
#include <string>

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

  TEST_CASE("strings are escaped wherever the special bytes fall") {
    // The quoting skips plain text sixteen bytes at a time; check every position against a
    // byte-by-byte escape.
    auto reference = [](const std::string& text) {
      std::string out = "\"";
      for (unsigned char c : text) {
        if (c == '"')
          out += "\\\"";
        else if (c == '\\')
          out += "\\\\";
        else if (c == '\n')
          out += "\\n";
        else if (c == '\r')
          out += "\\r";
        else if (c == '\t')
          out += "\\t";
        else if (c == '\b')
          out += "\\b";
        else if (c == '\f')
          out += "\\f";
        else if (c < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else
          out += static_cast<char>(c);
      }
      return out + "\"";
    };
    const std::string alphabet = std::string("ab \"\\\n\t\x01\x1f\x7f") + "\xC3\xA9";
    std::mt19937 random(2008);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 70);
    for (int i = 0; i < 3000; ++i) {
      std::string text(static_cast<std::size_t>(length(random)), 'x');
      for (char& c : text)
        c = random() % 4 == 0 ? alphabet[pick(random)] : 'k';
      INFO("text: ", text);
      REQUIRE(koda::report::json_quote(text) == reference(text));
    }
  }
}
