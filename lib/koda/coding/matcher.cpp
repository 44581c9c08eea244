#include "koda/coding/workspace.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace koda::coding {

std::string_view to_string(Valence valence) {
  switch (valence) {
  case Valence::obstacle:
    return "obstacle";
  case Valence::support:
    return "support";
  case Valence::neutral:
    return "neutral";
  }
  return "neutral";
}

Matcher::Matcher(const codebook::Codebook& codebook) : m_impl(std::make_unique<Impl>()) {
  m_impl->codebook = &codebook;
  m_impl->codes = detail::compile(codebook, m_impl->program);
}

Matcher::~Matcher() = default;
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;

const codebook::Codebook& Matcher::codebook() const { return *m_impl->codebook; }

const std::vector<CodeInfo>& Matcher::codes() const { return m_impl->codes; }

std::unique_ptr<Workspace> Matcher::workspace() const {
  return std::make_unique<Workspace>(
      std::make_unique<Workspace::State>(m_impl->program, m_impl->cache));
}

std::string Matcher::explain(const corpus::Document& doc, const Coding& coding,
                             Workspace& workspace) const {
  const detail::Program& program = m_impl->program;
  Workspace::State& ws = workspace.state();
  const corpus::Unit& unit = doc.units.at(coding.unit);
  std::string_view text = doc.unit_text(unit);
  detail::UnitScanner scanner(program, ws);
  scanner.scan(text);

  std::vector<detail::Occurrence> evidence;
  scanner.eval(program.match_root[coding.code], &evidence);
  std::sort(
      evidence.begin(), evidence.end(),
      [](const detail::Occurrence& a, const detail::Occurrence& b) { return a.start < b.start; });
  const CodeInfo& info = m_impl->codes[coding.code];
  std::string out = fmt::format("{}:{}{} — {} ({})\n", doc.path, unit.line,
                                unit.speaker.empty() ? "" : " " + unit.speaker, info.path,
                                info.code->label(program.language));
  out += "  matched:";
  for (const detail::Occurrence& o : evidence)
    out += fmt::format(" \"{}\" [{}]", text.substr(o.start, o.end - o.start),
                       program.atoms[o.atom].source);
  out += "\n";

  std::vector<Coding> one{coding};
  one[0].valence = Valence::neutral;
  if (ws.evidence.empty())
    ws.evidence.emplace_back();
  ws.evidence[0] = evidence;
  detail::assign_valence(program, ws, scanner, text, unit.start, one, 0, &out);
  return out;
}

} // namespace koda::coding
