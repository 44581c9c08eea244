// Code frequencies, counted in one pass over coded units.
//
// The counter sees each coded unit once, as `koda code` would report it (after the same
// filters), and never the text: a table costs one increment per (unit, code or ancestor),
// so it cannot cost more than the coding it summarises, and memory stays flat on any
// corpus. Three decisions shape the numbers:
//
// - Roll-up. A parent's row counts the units coded with the parent itself or any of its
//   descendants, each unit once however many children hit it; so a parent's count is at
//   most the sum of its children's. The per-unit scratch (`m_mark` stamped with a unit
//   counter) dedupes the codes and their ancestors without clearing anything per unit.
// - Valence of a rolled-up unit. A unit coded `obstacle` by any child is an obstacle for
//   the parent; else a `support` by any is a support; else it is neutral. An obstacle is
//   the finding a researcher must not lose in a roll-up, so it wins.
// - Documents and informants. Units of one document arrive together, so a document is
//   counted when a cell sees a document index different from the last one; informants are
//   interned to small ids and kept as a bit set per cell.

#include "koda/analysis/freq.hpp"

#include <algorithm>
#include <functional>

namespace koda::analysis {
namespace {

constexpr std::string_view k_none = "(none)";

int severity(coding::Valence valence) {
  switch (valence) {
  case coding::Valence::obstacle:
    return 2;
  case coding::Valence::support:
    return 1;
  case coding::Valence::neutral:
    break;
  }
  return 0;
}

coding::Valence stronger(coding::Valence a, coding::Valence b) {
  return severity(a) >= severity(b) ? a : b;
}

std::size_t valence_slot(coding::Valence valence) {
  return static_cast<std::size_t>(severity(valence));
}

double percent(std::uint64_t part, std::uint64_t whole) {
  return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

bool selected(const std::string& path, const std::vector<std::string>& codes) {
  if (codes.empty())
    return true;
  return std::any_of(codes.begin(), codes.end(), [&](const std::string& p) {
    return path == p ||
           (path.size() > p.size() && path.compare(0, p.size(), p) == 0 && path[p.size()] == '/');
  });
}

} // namespace

std::string_view informant_of(const corpus::Document& doc, const corpus::Unit& unit) {
  return Informants(doc).of(unit);
}

Informants::Informants(const corpus::Document& doc) : m_doc(doc) {
  if (auto it = doc.attributes.find("informant"); it != doc.attributes.end())
    m_document_informant = it->second;
}

std::string_view Informants::of(const corpus::Unit& unit) const {
  if (unit.interviewer || unit.speaker.empty())
    return {};
  if (m_doc.kind == corpus::Kind::interview) {
    if (!m_doc.speaker_attributes.empty())
      if (auto s = m_doc.speaker_attributes.find(unit.speaker); s != m_doc.speaker_attributes.end())
        if (auto it = s->second.find("informant"); it != s->second.end() && !it->second.empty())
          return it->second;
    if (!m_document_informant.empty())
      return m_document_informant;
  }
  return unit.speaker;
}

void filtered_codings(const coding::CodedDocument& coded, const coding::CodingFilter& filter,
                      const std::vector<FreqCode>& codes, const std::vector<std::size_t>& offsets,
                      std::vector<RunCoding>& out) {
  out.clear();
  const corpus::Document& doc = coded.document;
  const bool all = filter.accepts_all();
  for (std::size_t m = 0; m < coded.codings.size() && m < offsets.size(); ++m)
    for (const coding::Coding& c : coded.codings[m]) {
      const std::size_t code = offsets[m] + c.code;
      if (all || filter.accepts(doc, c, codes[code].path))
        out.push_back({c.unit, code, &c});
    }
  // Each codebook's codings are in unit order already; this merges the codebooks.
  if (coded.codings.size() > 1)
    std::stable_sort(out.begin(), out.end(),
                     [](const RunCoding& a, const RunCoding& b) { return a.unit < b.unit; });
}

double Cooccurrence::jaccard(std::size_t i, std::size_t j) const {
  std::uint64_t both_ij = at(i, j);
  std::uint64_t either = at(i, i) + at(j, j) - both_ij;
  return either == 0 ? 0.0 : static_cast<double>(both_ij) / static_cast<double>(either);
}

void FreqCounter::Cell::add(std::size_t document, std::int64_t informant) {
  ++units;
  if (document != last_document) {
    ++documents;
    last_document = document;
  }
  if (informant < 0 || informant == last_informant)
    return; // units come document by document: mostly the informant of the last
  last_informant = informant;
  const auto id = static_cast<std::size_t>(informant);
  if (seen.size() <= id / 64)
    seen.resize(id / 64 + 1, 0);
  const std::uint64_t bit = std::uint64_t{1} << (id % 64);
  if (!(seen[id / 64] & bit)) {
    seen[id / 64] |= bit;
    ++informants;
  }
}

FreqCounter::FreqCounter(std::vector<FreqCode> codes, FreqOptions options)
    : m_codes(std::move(codes)), m_leaf(m_codes.size(), true), m_options(std::move(options)),
      m_stats(m_codes.size() + 1), m_mark(m_codes.size(), 0),
      m_valence(m_codes.size(), coding::Valence::neutral), m_target(m_codes.size(), -1) {
  for (const FreqCode& code : m_codes)
    if (code.parent >= 0)
      m_leaf[static_cast<std::size_t>(code.parent)] = false;
  // Each code counts in the co-occurrence row of its ancestor at `depth` (itself when it
  // is at that depth, nothing when it is shallower and not a leaf), or of itself when it
  // is a leaf.
  for (std::size_t c = 0; c < m_codes.size(); ++c) {
    if (!m_options.depth) {
      if (m_leaf[c])
        m_target[c] = static_cast<std::ptrdiff_t>(c);
      continue;
    }
    std::ptrdiff_t a = static_cast<std::ptrdiff_t>(c);
    while (a >= 0 && m_codes[static_cast<std::size_t>(a)].depth > *m_options.depth)
      a = m_codes[static_cast<std::size_t>(a)].parent;
    if (a >= 0 && (m_codes[static_cast<std::size_t>(a)].depth == *m_options.depth || m_leaf[c]))
      m_target[c] = a;
  }
  for (std::size_t c = 0; c < m_codes.size(); ++c)
    if (m_target[c] == static_cast<std::ptrdiff_t>(c))
      m_targets.push_back(c);
  // Matrix rows are numbered in code order; remember each target's row.
  std::vector<std::ptrdiff_t> row(m_codes.size(), -1);
  for (std::size_t r = 0; r < m_targets.size(); ++r)
    row[m_targets[r]] = static_cast<std::ptrdiff_t>(r);
  for (std::ptrdiff_t& t : m_target)
    if (t >= 0)
      t = row[static_cast<std::size_t>(t)];
  m_target_mark.assign(m_targets.size(), 0);
  m_both.assign(m_targets.size() * m_targets.size(), 0);
}

std::size_t FreqCounter::column_of(const CodedUnit& unit) {
  std::string value;
  switch (m_options.by) {
  case FreqDimension::none:
    return 0;
  case FreqDimension::document:
    value = unit.document_name;
    break;
  case FreqDimension::kind:
    value = corpus::to_string(unit.kind);
    break;
  case FreqDimension::speaker:
    value = unit.speaker.empty() ? k_none : unit.speaker;
    break;
  case FreqDimension::attribute:
    value = k_none;
    if (unit.attributes)
      if (auto it = unit.attributes->find(m_options.by_key);
          it != unit.attributes->end() && !it->second.empty())
        value = it->second;
    break;
  }
  auto [it, inserted] = m_column_ids.emplace(value, m_columns.size());
  if (inserted)
    m_columns.push_back(std::move(value));
  return it->second;
}

void FreqCounter::count(Stats& stats, const CodedUnit& unit, std::size_t column,
                        std::int64_t informant, coding::Valence valence) {
  stats.all.add(unit.document, informant);
  ++stats.valence[valence_slot(valence)];
  if (m_options.by == FreqDimension::none)
    return;
  if (stats.columns.size() <= column)
    stats.columns.resize(column + 1);
  stats.columns[column].add(unit.document, informant);
}

void FreqCounter::add(const CodedUnit& unit) {
  ++m_stamp;
  m_touched.clear();
  coding::Valence any = coding::Valence::neutral;
  for (const CodeHit& hit : unit.codes) {
    any = stronger(any, hit.valence);
    for (std::ptrdiff_t a = static_cast<std::ptrdiff_t>(hit.code); a >= 0;
         a = m_codes[static_cast<std::size_t>(a)].parent) {
      auto i = static_cast<std::size_t>(a);
      if (m_mark[i] != m_stamp) {
        m_mark[i] = m_stamp;
        m_valence[i] = hit.valence;
        m_touched.push_back(i);
      } else {
        m_valence[i] = stronger(m_valence[i], hit.valence);
      }
    }
  }
  if (m_touched.empty())
    return;
  std::int64_t informant = -1;
  if (!unit.informant.empty()) {
    // Units come document by document, mostly from one informant: the last one is kept.
    if (unit.informant != m_last_informant) {
      auto it = m_informant_ids.find(unit.informant);
      if (it == m_informant_ids.end())
        it = m_informant_ids
                 .emplace(std::string(unit.informant),
                          static_cast<std::uint32_t>(m_informant_ids.size()))
                 .first;
      m_last_informant = it->first;
      m_last_informant_id = it->second;
    }
    informant = m_last_informant_id;
  }
  std::size_t column = column_of(unit);
  for (std::size_t code : m_touched)
    count(m_stats[code], unit, column, informant, m_valence[code]);
  count(m_stats.back(), unit, column, informant, any);

  // Co-occurrence: every pair of distinct matrix rows the unit hit, and the diagonal.
  if (!m_options.cooccurrence)
    return;
  std::vector<std::size_t>& rows = m_unit_rows;
  rows.clear();
  for (const CodeHit& hit : unit.codes)
    if (std::ptrdiff_t r = m_target[hit.code];
        r >= 0 && m_target_mark[static_cast<std::size_t>(r)] != m_stamp) {
      m_target_mark[static_cast<std::size_t>(r)] = m_stamp;
      rows.push_back(static_cast<std::size_t>(r));
    }
  std::size_t n = m_targets.size();
  for (std::size_t i : rows)
    for (std::size_t j : rows)
      ++m_both[i * n + j];
}

FreqRow FreqCounter::make_row(const Stats& stats, std::uint64_t coded_units) const {
  FreqRow row;
  row.counts.units = stats.all.units;
  row.counts.documents = stats.all.documents;
  row.counts.informants = stats.all.informants;
  row.counts.neutral = stats.valence[0];
  row.counts.support = stats.valence[1];
  row.counts.obstacle = stats.valence[2];
  row.share = percent(row.counts.units, coded_units);
  if (m_options.by == FreqDimension::none)
    return row;
  auto measure = [&](const Cell& cell) -> std::uint64_t {
    switch (m_options.count) {
    case FreqCount::documents:
      return cell.documents;
    case FreqCount::informants:
      return cell.informants;
    case FreqCount::units:
      break;
    }
    return cell.units;
  };
  row.cells_total = measure(stats.all);
  for (std::size_t c = 0; c < m_columns.size(); ++c)
    row.cells.push_back(c < stats.columns.size() ? measure(stats.columns[c]) : 0);
  return row;
}

// Rows to show, in display order: the tree (or its leaves with `flat`) restricted to the
// selected codes and `min_units`, siblings in codebook order or by count.
std::vector<std::size_t> FreqCounter::row_order() const {
  auto keep = [&](std::size_t c) {
    return selected(m_codes[c].path, m_options.codes) &&
           m_stats[c].all.units >= m_options.min_units && (!m_options.flat || m_leaf[c]);
  };
  auto by_count = [&](std::size_t a, std::size_t b) {
    return m_stats[a].all.units > m_stats[b].all.units;
  };
  std::vector<std::size_t> order;
  if (m_options.flat) {
    for (std::size_t c = 0; c < m_codes.size(); ++c)
      if (keep(c))
        order.push_back(c);
    if (m_options.sort == FreqSort::count)
      std::stable_sort(order.begin(), order.end(), by_count);
    return order;
  }
  std::vector<std::vector<std::size_t>> children(m_codes.size() + 1);
  for (std::size_t c = 0; c < m_codes.size(); ++c)
    children[m_codes[c].parent >= 0 ? static_cast<std::size_t>(m_codes[c].parent) : m_codes.size()]
        .push_back(c);
  std::function<void(std::size_t)> visit = [&](std::size_t parent) {
    std::vector<std::size_t> kids = children[parent];
    if (m_options.sort == FreqSort::count)
      std::stable_sort(kids.begin(), kids.end(), by_count);
    for (std::size_t c : kids) {
      if (keep(c))
        order.push_back(c);
      visit(c);
    }
  };
  visit(m_codes.size());
  return order;
}

FreqTable FreqCounter::table() const {
  FreqTable table;
  std::uint64_t coded = m_stats.back().all.units;
  // Columns: documents in input order; other dimensions sorted, "(none)" last.
  std::vector<std::size_t> columns(m_columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i)
    columns[i] = i;
  if (m_options.by != FreqDimension::document)
    std::sort(columns.begin(), columns.end(), [&](std::size_t a, std::size_t b) {
      bool none_a = m_columns[a] == k_none, none_b = m_columns[b] == k_none;
      return none_a != none_b ? none_b : m_columns[a] < m_columns[b];
    });
  for (std::size_t c : columns)
    table.columns.push_back(m_columns[c]);
  auto arrange = [&](FreqRow& row) {
    if (m_options.by == FreqDimension::none)
      return;
    std::vector<std::uint64_t> cells;
    for (std::size_t c : columns)
      cells.push_back(row.cells[c]);
    row.cells = std::move(cells);
  };
  for (std::size_t c : row_order()) {
    FreqRow row = make_row(m_stats[c], coded);
    row.path = m_codes[c].path;
    row.label = m_codes[c].label;
    row.depth = m_options.flat ? 0 : m_codes[c].depth;
    arrange(row);
    table.rows.push_back(std::move(row));
  }
  table.total = make_row(m_stats.back(), coded);
  arrange(table.total);
  if (m_options.percent == FreqPercent::none || m_options.by == FreqDimension::none)
    return table;
  for (FreqRow& row : table.rows) {
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      std::uint64_t whole = m_options.percent == FreqPercent::row      ? row.cells_total
                            : m_options.percent == FreqPercent::column ? table.total.cells[c]
                                                                       : table.total.cells_total;
      row.percents.push_back(percent(row.cells[c], whole));
    }
  }
  FreqRow& total = table.total;
  for (std::size_t c = 0; c < total.cells.size(); ++c) {
    std::uint64_t whole = m_options.percent == FreqPercent::column ? total.cells[c]
                          : m_options.percent == FreqPercent::row  ? total.cells_total
                                                                   : total.cells_total;
    total.percents.push_back(percent(total.cells[c], whole));
  }
  return table;
}

Cooccurrence FreqCounter::cooccurrence() const {
  Cooccurrence result;
  for (std::size_t c : m_targets) {
    FreqCode code = m_codes[c];
    result.codes.push_back(std::move(code));
  }
  result.both = m_both;
  return result;
}

} // namespace koda::analysis
