// The batch pipeline: a file-level work queue over threads with results delivered in
// input order. Documents are independent, so threads take the next input index, load and
// code it, and park the result in a slot; the calling thread consumes slots in index order.
// A worker may run at most `window` inputs ahead of the consumer, which bounds memory by a
// few documents per thread however large the corpus is, and keeps output deterministic.

#include "koda/coding/batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace koda::coding {
namespace {

struct Slot {
  bool ready = false;
  std::optional<CodedDocument> coded;
  std::string error;
  bool binary = false;
  std::uint64_t bytes = 0;
};

} // namespace

BatchSummary code_inputs(const std::vector<std::string>& paths,
                         const std::vector<const Matcher*>& matchers, const BatchOptions& options,
                         const BatchCallbacks& callbacks) {
  corpus::Inputs inputs = corpus::expand_inputs(paths);
  BatchSummary summary;
  for (const std::string& error : inputs.errors) {
    summary.errors.push_back(error);
    ++summary.skipped;
    if (callbacks.error)
      callbacks.error(error);
  }
  const std::size_t total = inputs.files.size();
  bool has_stdin = std::any_of(inputs.files.begin(), inputs.files.end(),
                               [](const corpus::Input& in) { return in.path == "-"; });
  const unsigned threads =
      has_stdin ? 1u : std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(total)));
  const std::size_t window = std::max<std::size_t>(4, threads * 4);

  std::mutex mutex;
  std::condition_variable slot_ready;
  std::condition_variable room;
  std::deque<Slot> slots; // slots[i - consumed] is input i
  std::size_t consumed = 0;
  std::size_t next = 0;
  bool stop = false;

  auto worker = [&] {
    std::vector<std::unique_ptr<Workspace>> workspaces;
    for (const Matcher* matcher : matchers)
      workspaces.push_back(matcher->workspace());
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= total || next < consumed + window; });
        if (stop || next >= total)
          return;
        i = next++;
      }
      Slot slot;
      try {
        std::string bytes = corpus::read_input(inputs.files[i]);
        slot.bytes = bytes.size();
        CodedDocument coded{corpus::load_document(inputs.files[i].path, bytes, options.load), {}};
        for (std::size_t m = 0; m < matchers.size(); ++m)
          coded.codings.push_back(
              matchers[m]->code_document(coded.document, options.interviewer, *workspaces[m],
                                          options.detail));
        slot.coded = std::move(coded);
      } catch (const corpus::LoadError& e) {
        slot.error = e.what();
        slot.binary = e.binary();
      } catch (const std::exception& e) {
        slot.error = fmt::format("{}: {}", inputs.files[i].path, e.what());
      }
      slot.ready = true;
      {
        std::lock_guard lock(mutex);
        slots[i - consumed] = std::move(slot);
      }
      slot_ready.notify_all();
    }
  };

  slots.resize(total);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back(worker);
  try {
    for (std::size_t i = 0; i < total; ++i) {
      Slot slot;
      {
        std::unique_lock lock(mutex);
        slot_ready.wait(lock, [&] { return slots.front().ready; });
        slot = std::move(slots.front());
        slots.pop_front();
        ++consumed;
      }
      room.notify_all();
      summary.bytes += slot.bytes;
      if (slot.coded) {
        corpus::Document& doc = slot.coded->document;
        if (callbacks.warning) {
          if (!doc.encoding_note.empty())
            callbacks.warning(fmt::format("{}: {}", doc.path, doc.encoding_note));
          for (const std::string& warning : doc.warnings)
            callbacks.warning(fmt::format("{}: {}", doc.path, warning));
        }
        ++summary.documents;
        summary.units += doc.units.size();
        for (const auto& codings : slot.coded->codings)
          summary.codings += codings.size();
        callbacks.document(std::move(*slot.coded));
      } else if (slot.binary) {
        ++summary.skipped;
        if (callbacks.warning)
          callbacks.warning(slot.error + ", skipped");
      } else {
        ++summary.skipped;
        summary.errors.push_back(slot.error);
        if (callbacks.error)
          callbacks.error(slot.error);
      }
      if (callbacks.progress)
        callbacks.progress({i + 1, total, summary.bytes});
    }
  } catch (...) {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    room.notify_all();
    for (std::thread& t : pool)
      t.join();
    throw;
  }
  for (std::thread& t : pool)
    t.join();
  return summary;
}

} // namespace koda::coding
