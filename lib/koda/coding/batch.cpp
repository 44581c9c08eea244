// The batch pipeline: a file-level work queue over threads with results delivered in
// input order. Documents are independent, so threads take the next input index, load and
// code it, and park the result in a slot of a ring; the calling thread delivers slots in
// index order. Any thread may run at most `window` inputs ahead of delivery, which bounds
// memory by a few documents per thread however large the corpus is, and keeps output
// deterministic.
//
// The calling thread is one of the `jobs` threads: while the next slot to deliver is not
// ready it codes the next input itself rather than sleep, so `--jobs 2` runs two threads on
// two cores, not three, and `--jobs 1` runs no other thread at all. Threads wake each other
// only when one is actually waiting, since a wake-up costs a system call and, on a virtual
// machine, far more than handing over a document.

#include "koda/coding/batch.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace koda::coding {
namespace {

struct Slot {
  bool ready = false;
  std::optional<CodedDocument> coded;
  std::string error;
  bool binary = false;
  std::uint64_t bytes = 0;
  unsigned owner = 0; // the thread that coded it: 0 the calling thread, t ≥ 1 pool thread t
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
  std::condition_variable slot_ready; // the delivering thread waits here for its slot
  std::condition_variable room;       // workers wait here for room in the window
  std::vector<Slot> ring(window);     // input i lives in ring[i % window]
  std::size_t delivered = 0;          // inputs before this one are delivered
  std::size_t next = 0;               // the next input to code
  bool delivery_waiting = false;
  std::size_t workers_waiting = 0;
  bool stop = false;
  // Documents delivered, waiting to be freed by the thread that coded them: glibc's
  // allocator frees another thread's memory through that thread's arena lock, and with
  // every document crossing threads the contention cost 13 % of `koda freq --jobs 2`.
  std::vector<std::vector<CodedDocument>> trash(threads);

  // Loads and codes input `i` into its slot; `workspaces` are the calling thread's.
  auto code_one = [&](std::size_t i, std::vector<std::unique_ptr<Workspace>>& workspaces,
                      unsigned owner) {
    Slot slot;
    slot.owner = owner;
    try {
      std::string bytes = corpus::read_input(inputs.files[i]);
      slot.bytes = bytes.size();
      CodedDocument coded;
      coded.document = corpus::load_document(inputs.files[i].path, std::move(bytes), options.load);
      for (std::size_t m = 0; m < matchers.size(); ++m)
        coded.codings.push_back(matchers[m]->code_document(coded.document, options.interviewer,
                                                           *workspaces[m], options.detail));
      if (callbacks.prepare)
        callbacks.prepare(coded);
      slot.coded = std::move(coded);
    } catch (const corpus::LoadError& e) {
      slot.error = e.what();
      slot.binary = e.binary();
    } catch (const std::exception& e) {
      slot.error = fmt::format("{}: {}", inputs.files[i].path, e.what());
    }
    slot.ready = true;
    bool wake = false;
    {
      std::lock_guard lock(mutex);
      ring[i % window] = std::move(slot);
      wake = delivery_waiting && i == delivered;
    }
    if (wake)
      slot_ready.notify_one();
  };
  auto make_workspaces = [&] {
    std::vector<std::unique_ptr<Workspace>> workspaces;
    for (const Matcher* matcher : matchers)
      workspaces.push_back(matcher->workspace());
    return workspaces;
  };

  auto worker = [&](unsigned self) {
    std::vector<std::unique_ptr<Workspace>> workspaces = make_workspaces();
    std::vector<CodedDocument> freeing;
    while (true) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        freeing.swap(trash[self]);
        while (!stop && next < total && next >= delivered + window) {
          ++workers_waiting;
          room.wait(lock);
          --workers_waiting;
        }
        if (stop || next >= total)
          return;
        i = next++;
      }
      freeing.clear();
      code_one(i, workspaces, self);
    }
  };

  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t)
    pool.emplace_back(worker, t);
  auto stop_pool = [&] {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    room.notify_all();
    for (std::thread& t : pool)
      t.join();
  };
  try {
    std::vector<std::unique_ptr<Workspace>> workspaces = make_workspaces();
    for (std::size_t i = 0; i < total; ++i) {
      Slot slot;
      {
        std::unique_lock lock(mutex);
        while (!ring[i % window].ready) {
          if (next < total && next < delivered + window) {
            const std::size_t j = next++;
            lock.unlock();
            code_one(j, workspaces, 0);
            lock.lock();
            continue;
          }
          delivery_waiting = true;
          slot_ready.wait(lock);
          delivery_waiting = false;
        }
        slot = std::move(ring[i % window]);
        ring[i % window] = Slot{};
        ++delivered;
        if (workers_waiting > 0)
          room.notify_all();
      }
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
        if (slot.owner != 0) {
          std::lock_guard lock(mutex);
          trash[slot.owner].push_back(std::move(*slot.coded));
        }
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
    stop_pool();
    throw;
  }
  stop_pool();
  return summary;
}

} // namespace koda::coding
