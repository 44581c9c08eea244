// Cutting documents into units. A unit is what one coded excerpt is, so its boundaries
// decide what a researcher sees as evidence: a whole speaker turn (not a line), a whole
// agenda item (with the heading of the section it sits in), a whole observation entry.
//
// Each cutter walks the body line by line. Spans run from the first non-blank character
// of a unit's text to the end of its last non-blank line, so an excerpt never starts with
// a turn label or ends in blank lines, and offsets stay byte offsets into the NFC text.
//
// Transcripts: a line `Label: text` starts a turn when its label is used for at least two
// turns in the document, is an interviewer label, carries a timestamp, or answers an
// interviewer's turn; a one-off `Jadi begini: ...` in the middle of an answer is speech,
// not a new speaker.

#include "koda/corpus/units.hpp"

#include "koda/corpus/lines.hpp"
#include "koda/text/segment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>

namespace koda::corpus {
namespace {

using lines::Line;

const std::vector<std::string_view> k_attendance_keys = {
    "Hadir",      "Daftar Hadir", "Peserta",   "Peserta Rapat", "Yang Hadir",
    "Attendance", "Present",      "Attendees", "Participants"};
const std::vector<std::string_view> k_minutes_section_keys = {"Acara",
                                                              "Agenda",
                                                              "Keputusan",
                                                              "Kesimpulan",
                                                              "Tindak Lanjut",
                                                              "Rencana Tindak Lanjut",
                                                              "Pembahasan",
                                                              "Pokok-pokok Pembahasan",
                                                              "Hasil Pembahasan",
                                                              "Jalannya Rapat",
                                                              "Hasil Rapat",
                                                              "Ringkasan Diskusi",
                                                              "Usulan",
                                                              "Saran",
                                                              "Decision",
                                                              "Decisions",
                                                              "Conclusion",
                                                              "Conclusions",
                                                              "Action Items",
                                                              "Discussion",
                                                              "Follow-up"};
// Lines that describe the meeting rather than report it; kept as attributes.
const std::vector<std::string_view> k_minutes_meta_keys = {
    "Hari/Tanggal",   "Hari, Tanggal",  "Tanggal",    "Hari",       "Waktu",   "Pukul", "Tempat",
    "Pimpinan Rapat", "Pemimpin Rapat", "Notulis",    "Notulen",    "Date",    "Time",  "Venue",
    "Place",          "Chair",          "Chaired by", "Minutes by", "Recorder"};
const std::vector<std::string_view> k_entry_date_keys = {"Tanggal", "Hari/Tanggal", "Date"};
const std::vector<std::string_view> k_entry_place_keys = {"Lokasi",   "Tempat", "Waktu",
                                                          "Location", "Place",  "Time"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    c = lines::lower_ascii(c);
  return out;
}

bool is_named(std::string_view text, const std::vector<std::string_view>& names) {
  std::string lower = lower_ascii(lines::trim(text));
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view n) { return lower_ascii(n) == lower; });
}

// Collects units line by line: a unit opens with its speaker and section, grows with
// each line of text, and is kept when it closes with any non-blank text. The open unit is
// built in place at the end of the list (and taken off again if it gets no text), so no
// unit is moved (a large corpus has millions of turns).
class UnitCollector {
public:
  explicit UnitCollector(std::vector<Unit>& out) : m_out(out) {}

  // Opens a unit in `section`, closing the open one; returns it for its speaker.
  Unit& open(std::string_view section) {
    close();
    Unit& unit = m_out.emplace_back();
    unit.section = section;
    m_open = true;
    return unit;
  }

  // Opens a copy of `proto`, closing the open one.
  void open(const Unit& proto) {
    close();
    m_out.push_back(proto);
    m_open = true;
  }

  bool is_open() const { return m_open; }

  // Adds the text of `line` from byte `from` of the line.
  void add_text(const Line& line, std::size_t from) {
    std::string_view rest = line.text.substr(std::min(from, line.text.size()));
    std::string_view trimmed = lines::trim(rest);
    if (trimmed.empty())
      return;
    std::size_t begin = line.start + static_cast<std::size_t>(trimmed.data() - line.text.data());
    Unit& unit = m_out.back();
    if (!m_has_text) {
      unit.start = begin;
      unit.line = line.number;
      m_has_text = true;
    }
    unit.end = begin + trimmed.size();
  }

  void close() {
    if (m_open && !m_has_text)
      m_out.pop_back();
    m_open = false;
    m_has_text = false;
  }

private:
  std::vector<Unit>& m_out;
  bool m_open = false;
  bool m_has_text = false;
};

Unit unit_in(std::string_view section) {
  Unit u;
  u.section = section;
  return u;
}

// A copy of `heading` kept with the cut units, for their `section` views.
std::string_view keep(Structure& result, std::string_view heading) {
  if (heading.empty())
    return {};
  result.sections.emplace_back(heading);
  return result.sections.back();
}

std::vector<Line> body_lines(std::string_view text, std::size_t body_start) {
  const std::string_view head = text.substr(0, body_start);
  const auto newlines = static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n'));
  return lines::split_lines(text, body_start, newlines + 1);
}

// --- interviews -------------------------------------------------------------------------

// The name part of a label, lowercased: `Pak Darto (Lurah)` → `pak darto`.
std::string label_key(std::string_view label) {
  std::size_t paren = label.find('(');
  return lower_ascii(lines::trim(label.substr(0, paren)));
}

// Each turn label of a document: how many lines carry it, and whether it is the
// interviewer's (decided once per label, not per turn).
struct LabelInfo {
  std::string_view label; // as written, in the document's text
  int count = 0;
  bool interviewer = false;
};
struct LabelCounts {
  std::vector<LabelInfo> labels;     // in order of first use
  std::vector<std::int32_t> of_line; // per body line: its label's index, or -1
};

// Each line's turn label, if it has one, parsed once for counting and for cutting.
std::vector<std::optional<lines::TurnLabel>> turn_labels(const std::vector<Line>& body) {
  std::vector<std::optional<lines::TurnLabel>> labels;
  labels.reserve(body.size());
  for (const Line& line : body)
    labels.push_back(lines::parse_turn_label(line.text));
  return labels;
}

LabelCounts count_labels(const std::vector<std::optional<lines::TurnLabel>>& turn_labels) {
  LabelCounts counts;
  counts.of_line.assign(turn_labels.size(), -1);
  // A transcript has a handful of labels: they are searched in order, and past a few
  // through a hash index.
  constexpr std::size_t k_linear = 8;
  std::unordered_map<std::string_view, std::int32_t> index;
  for (std::size_t i = 0; i < turn_labels.size(); ++i) {
    if (!turn_labels[i])
      continue;
    const std::string_view label = turn_labels[i]->label;
    std::int32_t found = -1;
    if (counts.labels.size() <= k_linear) {
      for (std::size_t k = 0; k < counts.labels.size() && found < 0; ++k)
        if (counts.labels[k].label == label)
          found = static_cast<std::int32_t>(k);
    } else if (auto it = index.find(label); it != index.end()) {
      found = it->second;
    }
    if (found < 0) {
      found = static_cast<std::int32_t>(counts.labels.size());
      counts.labels.push_back({label, 0, false});
      if (counts.labels.size() == k_linear + 1)
        for (std::size_t k = 0; k < counts.labels.size(); ++k)
          index.emplace(counts.labels[k].label, static_cast<std::int32_t>(k));
      else if (counts.labels.size() > k_linear + 1)
        index.emplace(label, found);
    }
    ++counts.labels[static_cast<std::size_t>(found)].count;
    counts.of_line[i] = found;
  }
  return counts;
}

class InterviewerRule {
public:
  InterviewerRule(const std::vector<std::string>& given, const LabelCounts& labels) {
    for (const std::string& g : given)
      m_given.push_back(label_key(g));
    for (const LabelInfo& info : labels.labels) {
      std::string key = label_key(info.label);
      if (key == "p" || key == "pewawancara" || key == "peneliti")
        m_p_pair = true;
    }
  }

  bool is_interviewer(std::string_view label) const {
    std::string key = label_key(label);
    std::string whole = lower_ascii(label);
    if (!m_given.empty())
      return std::find(m_given.begin(), m_given.end(), key) != m_given.end() ||
             std::find(m_given.begin(), m_given.end(), whole) != m_given.end();
    if (key == "i")
      return !m_p_pair; // I/R: I is the interviewer; P/I: I is the informant
    static const std::string_view k_known[] = {"peneliti", "pewawancara", "interviewer", "p", "q"};
    return std::find(std::begin(k_known), std::end(k_known), key) != std::end(k_known);
  }

private:
  std::vector<std::string> m_given;
  bool m_p_pair = false;
};

// A line that starts a speaker turn, by the rule in the essay at the top.
struct Turn {
  std::size_t line = 0; // index into the body lines
  lines::TurnLabel label;
  bool interviewer = false;
};

std::vector<Turn> find_turns(const std::vector<Line>& body,
                             const std::vector<std::string>& interviewer_labels) {
  const std::vector<std::optional<lines::TurnLabel>> parsed = turn_labels(body);
  LabelCounts labels = count_labels(parsed);
  const InterviewerRule rule(interviewer_labels, labels);
  for (LabelInfo& info : labels.labels)
    info.interviewer = rule.is_interviewer(info.label);
  std::vector<Turn> turns;
  turns.reserve(body.size());
  bool after_interviewer = false; // the open turn is the interviewer's: an answer follows
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (lines::parse_heading(body[i].text)) {
      after_interviewer = false;
      continue;
    }
    const std::optional<lines::TurnLabel>& turn = parsed[i];
    if (!turn)
      continue;
    const LabelInfo& label = labels.labels[static_cast<std::size_t>(labels.of_line[i])];
    const bool interviewer = label.interviewer;
    if (label.count >= 2 || interviewer || after_interviewer || !turn->timestamp.empty()) {
      turns.push_back({i, *turn, interviewer});
      after_interviewer = interviewer;
    }
  }
  return turns;
}

Structure cut_interview(const std::vector<Line>& body,
                        const std::vector<std::string>& interviewer_labels) {
  Structure result;
  UnitCollector units(result.units);
  const std::vector<Turn> turns = find_turns(body, interviewer_labels);
  result.units.reserve(turns.size() + 1);
  auto next_turn = turns.begin();
  std::string_view section;
  bool in_turn = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const Line& line = body[i];
    if (next_turn != turns.end() && next_turn->line == i) {
      Unit& unit = units.open(section);
      unit.speaker = next_turn->label.label;
      unit.timestamp = next_turn->label.timestamp;
      unit.interviewer = next_turn->interviewer;
      units.add_text(line, next_turn->label.content);
      in_turn = true;
      ++next_turn;
      continue;
    }
    if (auto heading = lines::parse_heading(line.text)) {
      units.close();
      in_turn = false;
      section = keep(result, *heading);
      continue;
    }
    if (lines::is_blank(line.text)) {
      if (!in_turn)
        units.close(); // paragraphs before the first turn
      continue;
    }
    if (!units.is_open())
      units.open(section);
    units.add_text(line, 0);
  }
  units.close();
  return result;
}

// --- minutes ----------------------------------------------------------------------------

void add_names(std::string_view text, std::vector<std::string>& names) {
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find_first_of(",;", pos);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view name = lines::trim(text.substr(pos, end - pos));
    while (!name.empty() && name.back() == '.')
      name.remove_suffix(1);
    if (!name.empty())
      names.emplace_back(name);
    pos = end + 1;
  }
}

Structure cut_minutes(const std::vector<Line>& body) {
  enum class Mode { normal, attendance_list, attendance_section };
  Structure result;
  UnitCollector units(result.units);
  std::string_view section;
  Mode mode = Mode::normal;
  for (const Line& line : body) {
    if (auto heading = lines::parse_heading(line.text)) {
      units.close();
      section = keep(result, *heading);
      mode = is_named(*heading, k_attendance_keys) ? Mode::attendance_section : Mode::normal;
      continue;
    }
    if (auto key = lines::parse_key_line(line.text, k_attendance_keys)) {
      units.close();
      add_names(line.text.substr(key->value), result.attendance);
      mode = Mode::attendance_list;
      continue;
    }
    if (auto key = lines::parse_key_line(line.text, k_minutes_section_keys)) {
      units.close();
      section = keep(result, key->key);
      mode = Mode::normal;
      units.open(section);
      units.add_text(line, key->value);
      continue;
    }
    if (auto key = lines::parse_key_line(line.text, k_minutes_meta_keys)) {
      units.close();
      result.meeting.emplace_back(key->key, lines::trim(line.text.substr(key->value)));
      continue;
    }
    if (is_named(line.text, k_minutes_section_keys)) { // `Pokok-pokok pembahasan` alone
      units.close();
      section = keep(result, lines::trim(line.text));
      mode = Mode::normal;
      continue;
    }
    if (lines::is_blank(line.text)) {
      units.close();
      if (mode == Mode::attendance_list)
        mode = Mode::normal;
      continue;
    }
    auto item = lines::parse_list_item(line.text);
    if (mode != Mode::normal) {
      add_names(line.text.substr(item.value_or(0)), result.attendance);
      continue;
    }
    if (item) {
      units.open(section);
      units.add_text(line, *item);
      continue;
    }
    if (!units.is_open())
      units.open(section);
    units.add_text(line, 0);
  }
  units.close();
  return result;
}

// --- observation notes ------------------------------------------------------------------

Structure cut_observation(const std::vector<Line>& body) {
  Structure result;
  UnitCollector units(result.units);
  bool in_entry = false;       // past the first entry header
  bool header_pending = false; // header lines seen, no entry text yet
  Unit entry;
  auto start_entry = [&](std::string_view header) {
    units.close();
    entry = unit_in(keep(result, header));
    in_entry = true;
    header_pending = true;
  };
  for (const Line& line : body) {
    if (auto stamp = lines::parse_entry_stamp(line.text)) {
      start_entry(stamp->stamp);
      if (!lines::is_blank(line.text.substr(stamp->content))) {
        units.open(entry);
        units.add_text(line, stamp->content);
        header_pending = false;
      }
      continue;
    }
    if (auto heading = lines::parse_heading(line.text)) {
      start_entry(*heading);
      continue;
    }
    if (lines::parse_key_line(line.text, k_entry_date_keys)) {
      start_entry(lines::trim(line.text));
      continue;
    }
    if (lines::parse_key_line(line.text, k_entry_place_keys)) {
      if (header_pending)
        entry.section =
            keep(result, std::string(entry.section) + "; " + std::string(lines::trim(line.text)));
      else
        start_entry(lines::trim(line.text));
      continue;
    }
    if (lines::is_blank(line.text)) {
      if (!in_entry)
        units.close();
      continue;
    }
    if (!units.is_open())
      units.open(in_entry ? entry : Unit{});
    header_pending = false;
    units.add_text(line, 0);
  }
  units.close();
  return result;
}

// --- paragraphs -------------------------------------------------------------------------

Structure cut_paragraphs(const std::vector<Line>& body) {
  Structure result;
  UnitCollector units(result.units);
  std::string_view section;
  for (const Line& line : body) {
    if (auto heading = lines::parse_heading(line.text)) {
      units.close();
      section = keep(result, *heading);
      continue;
    }
    if (lines::is_blank(line.text)) {
      units.close();
      continue;
    }
    if (!units.is_open())
      units.open(section);
    units.add_text(line, 0);
  }
  units.close();
  return result;
}

// --- kind detection ---------------------------------------------------------------------

std::string list_first(const std::vector<std::string>& items, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < n; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > n)
    out += ", ...";
  return out;
}

} // namespace

KindGuess detect_kind(std::string_view text, std::size_t body_start) {
  const std::vector<Line> body = body_lines(text, body_start);
  std::vector<std::string> markers;
  std::size_t entries = 0;
  for (const Line& line : body) {
    if (auto heading = lines::parse_heading(line.text)) {
      if (is_named(*heading, k_attendance_keys) || is_named(*heading, k_minutes_section_keys))
        markers.push_back("## " + std::string(lines::trim(*heading)));
      continue;
    }
    if (auto key = lines::parse_key_line(line.text, k_attendance_keys))
      markers.push_back(std::string(key->key) + ":");
    else if (auto section = lines::parse_key_line(line.text, k_minutes_section_keys))
      markers.push_back(std::string(section->key) + ":");
    else if (lines::parse_entry_stamp(line.text) ||
             lines::parse_key_line(line.text, k_entry_date_keys))
      ++entries;
  }
  if (markers.size() >= 2)
    return {Kind::minutes,
            fmt::format("{} minutes markers ({})", markers.size(), list_first(markers, 3))};
  if (entries >= 2)
    return {Kind::observation, fmt::format("{} dated entries", entries)};

  const std::vector<Turn> turns = find_turns(body, {});
  std::vector<std::string_view> speakers;
  for (const Turn& turn : turns)
    if (std::find(speakers.begin(), speakers.end(), turn.label.label) == speakers.end())
      speakers.push_back(turn.label.label);
  if (speakers.size() >= 2 && turns.size() >= 3)
    return {Kind::interview,
            fmt::format("{} speaker turns by {} labels", turns.size(), speakers.size())};
  return {Kind::document, "no speaker turns, minutes sections or dated entries"};
}

Structure cut_units(std::string_view text, std::size_t body_start, Kind kind,
                    const std::vector<std::string>& interviewer_labels) {
  const std::vector<Line> body = body_lines(text, body_start);
  switch (kind) {
  case Kind::interview:
    return cut_interview(body, interviewer_labels);
  case Kind::minutes:
    return cut_minutes(body);
  case Kind::observation:
    return cut_observation(body);
  case Kind::document:
    return cut_paragraphs(body);
  }
  return cut_paragraphs(body);
}

void split_into_sentences(std::string_view text, std::vector<Unit>& units) {
  text::SentenceSegmenter segmenter;
  lines::LineIndex index(text);
  std::vector<Unit> result;
  result.reserve(units.size() * 2);
  for (const Unit& unit : units) {
    std::string_view unit_text = text.substr(unit.start, unit.end - unit.start);
    for (const text::Span& span : segmenter.sentences(unit_text)) {
      Unit sentence = unit;
      sentence.start = unit.start + span.start;
      sentence.end = unit.start + span.end;
      sentence.line = index.line_of(sentence.start);
      result.push_back(std::move(sentence));
    }
  }
  units = std::move(result);
}

} // namespace koda::corpus
