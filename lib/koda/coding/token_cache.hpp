#pragma once

// The cache from a token's spelling to what it is to the codebook. Every token of every
// unit is looked up here, and the lookups are bound by memory latency. So it has two
// levels:
//
// - HotTable, one per thread: a direct-mapped table of recent spellings of up to 16 bytes,
//   small enough to stay in the L2 cache, which answers most probes.
// - SharedTokenCache, one per Matcher, shared by its threads: an open-addressing table of
//   32-byte slots (the first 16 bytes of the spelling or, for longer ones, the first 8 and a
//   pointer to the whole, and the value), on transparent huge pages once it is large: a
//   probe for a spelling of up to 16 bytes reads one slot in one cache line and nothing
//   else. Each distinct spelling is folded and stemmed once for the whole run, not once per
//   thread, and the table's memory is not repeated per thread.
//
// The scanner prefetches the hot entries of a unit's tokens, answers what they hold, then
// prefetches the shared slots of the rest before looking them up. A hit allocates nothing.
//
// Concurrency of the shared table: readers take no lock. Slots are only ever added, never
// changed or removed: a writer (holding the mutex) fills an empty slot and then stores its
// head (the spelling's first bytes, never 0) with release order; a reader loads the head
// with acquire order and reads nothing else of a slot whose head is 0, so it sees a slot
// either empty or complete. Growing builds a new table, publishes it with a release store,
// and keeps the old one alive: a reader still probing the old table may miss a spelling
// added since, and then takes the slow path, whose insert finds it under the lock. Atoms and key
// bytes live in blocks that never move. Not a public header.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <type_traits>
#include <vector>

namespace koda::coding::detail {

// What one spelling of a token is to the codebook: its stem id and folded-form id (or -1),
// whether a phrase can start with it, and the one-word atoms it satisfies
// (SharedTokenCache::atoms).
struct TokenInfo {
  std::int32_t stem = -1;
  std::int32_t form = -1;
  std::uint32_t atoms_begin = 0;
  std::uint16_t atoms_count = 0;
  std::uint8_t starts_phrase = 0; // 1: some phrase starts with its stem or its form
  std::uint8_t long_spelling = 0; // SharedTokenCache's: over 16 bytes (callers ignore it)
};

// For a spelling of n ≤ 16 bytes: which bytes of its first 8 and of its next 8 are its own.
struct KeyMasks {
  std::uint64_t head;
  std::uint64_t tail;
};
constexpr KeyMasks key_masks(std::size_t n) {
  const std::size_t h = n < 8 ? n : 8;
  const std::size_t t = n > 8 ? n - 8 : 0;
  return {h == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * h)) - 1,
          t == 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * t)) - 1};
}
inline constexpr KeyMasks k_key_masks[17] = {
    key_masks(0),  key_masks(1),  key_masks(2),  key_masks(3),  key_masks(4),  key_masks(5),
    key_masks(6),  key_masks(7),  key_masks(8),  key_masks(9),  key_masks(10), key_masks(11),
    key_masks(12), key_masks(13), key_masks(14), key_masks(15), key_masks(16)};

// A spelling as the caches see it: its bytes, its first 8 bytes and bytes 8 to 15
// (zero-padded), and its hash. A token never holds a NUL byte, so for spellings of up to
// 16 bytes equal length, head and tail mean equal spellings.
struct TokenKey {
  std::string_view text;
  std::uint64_t head = 0;
  std::uint64_t tail = 0;
  std::uint64_t hash = 0;

  // The key of `text`, of which `readable` bytes (at least its own) may be read from
  // text.data(): with 16 or more, head and tail are each one 8-byte load, which is what
  // the scanner does for all but a unit's last tokens.
  static TokenKey of(std::string_view text, std::size_t readable) {
    TokenKey key;
    key.text = text;
    const std::size_t n = text.size();
    if (n <= 16 && readable >= 16) [[likely]] {
      // Most tokens: two loads and two masks, without a branch on the length (which varies
      // from token to token and would be mispredicted).
      std::memcpy(&key.head, text.data(), 8);
      std::memcpy(&key.tail, text.data() + 8, 8);
      key.head &= k_key_masks[n].head;
      key.tail &= k_key_masks[n].tail;
    } else {
      key.head = load(text.data(), n < 8 ? n : 8, readable >= 8);
      if (n > 8)
        key.tail = load(text.data() + 8, n < 16 ? n - 8 : 8, readable >= 16);
    }
    std::uint64_t h = key.head * 0x9E3779B97F4A7C15ull ^ (key.tail + n) * 0xC2B2AE3D27D4EB4Full;
    for (std::size_t at = 16; at < n; at += 8) {
      const std::size_t k = n - at < 8 ? n - at : 8;
      h = (h ^ load(text.data() + at, k, readable >= at + 8)) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    // The high bits of the products depend on every input bit; folding them down makes the
    // low bits (the shared table's index) depend on them too.
    h ^= h >> 29;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    key.hash = h;
    return key;
  }

  static TokenKey of(std::string_view text) { return of(text, text.size()); }

  // The `n` (≤ 8) bytes at `p` as a little-endian number, zero-padded; `wide`: 8 bytes may
  // be read from `p`.
  static std::uint64_t load(const char* p, std::size_t n, bool wide) {
    std::uint64_t value = 0;
    if (wide) {
      std::memcpy(&value, p, 8);
      return n < 8 ? value & (~std::uint64_t{0} >> (64 - 8 * n)) : value;
    }
    for (std::size_t i = n; i > 0; --i)
      value = value << 8 | static_cast<unsigned char>(p[i - 1]);
    return value;
  }
};

// A thread's table of recent spellings of up to 16 bytes, direct-mapped, 512 KiB.
class HotTable {
public:
  HotTable() {
    // Fresh anonymous pages are only faulted in when a probe touches them, which keeps
    // start-up on a one-page document cheap.
    void* pages =
        mmap(nullptr, k_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED)
      throw std::bad_alloc();
    m_entries.reset(static_cast<Entry*>(pages));
  }

  void prefetch(const TokenKey& key) const { __builtin_prefetch(&entry(key.hash)); }

  // What a probe for `key` found: `value` is the entry's, meaningful only on a hit (a miss
  // may still be in the shared table). Without a branch on the outcome.
  struct Probe {
    bool hit;
    TokenInfo value;
  };
  Probe probe(const TokenKey& key) const {
    // A token holds no NUL byte, so the zero-padded head and tail of a spelling of up to 16
    // bytes are that spelling; an empty entry's head is 0, which no spelling's is.
    const Entry& e = entry(key.hash);
    const bool hit = (key.text.size() <= 16) & (e.head == key.head) & (e.tail == key.tail);
    return {hit, e.value};
  }

  // Keeps `value` for `key` (if it is short enough), replacing what its entry held.
  void put(const TokenKey& key, const TokenInfo& value) {
    if (key.text.size() <= 16)
      entry(key.hash) = Entry{key.head, key.tail, value};
  }

private:
  // 32 bytes, so that an entry never straddles two cache lines.
  struct Entry {
    std::uint64_t head = 0; // 0: empty
    std::uint64_t tail = 0; // bytes 8–15, zero-padded
    TokenInfo value;
  };
  static_assert(sizeof(Entry) == 32);
  static_assert(std::is_trivially_copyable_v<Entry> && std::is_trivially_destructible_v<Entry>);
  static constexpr std::size_t k_entries = 16384;
  static constexpr std::size_t k_bytes = k_entries * sizeof(Entry);

  Entry& entry(std::uint64_t h) const { return m_entries.get()[(h >> 40) & (k_entries - 1)]; }

  struct Unmap {
    void operator()(Entry* p) const { munmap(p, k_bytes); }
  };
  std::unique_ptr<Entry, Unmap> m_entries;
};

// The table every thread of a Matcher shares; see the top of this file.
class SharedTokenCache {
public:
  // At most `max_spellings` spellings are kept (memory stays bounded on corpora with
  // millions of distinct numbers, names and typos); past that, insert() declines.
  explicit SharedTokenCache(std::size_t max_spellings = std::size_t{1} << 20)
      : m_max_spellings(max_spellings) {
    static_assert(alignof(SharedTokenCache) == 64);
    m_tables.push_back(std::make_unique<Table>(k_initial_slots));
    m_current.store(m_tables.back().get(), std::memory_order_release);
  }

  // Starts loading the slot where `key` would be.
  void prefetch(const TokenKey& key) const {
    const Table* table = m_current.load(std::memory_order_acquire);
    __builtin_prefetch(&table->slots[key.hash & table->mask]);
  }

  // The value cached for `key`, if any. Takes no lock.
  std::optional<TokenInfo> find(const TokenKey& key) const {
    return find_in(*m_current.load(std::memory_order_acquire), key);
  }

  // Caches `value` for `key` with its one-word `atoms` and returns what is cached: `value`
  // with its atoms' place set, or what another thread cached for `key` first. Returns
  // nothing when the cache is full; the caller then uses `value` and `atoms` as they are.
  std::optional<TokenInfo> insert(const TokenKey& key, TokenInfo value,
                                  std::span<const std::uint32_t> atoms) {
    std::lock_guard lock(m_mutex);
    const Table& table = *m_current.load(std::memory_order_relaxed);
    if (std::optional<TokenInfo> found = find_in(table, key))
      return found;
    if (m_size >= m_max_spellings || atoms.size() > k_atom_block)
      return std::nullopt;
    if (!atoms.empty()) {
      if (m_atom_blocks_used == 0 || m_atom_used + atoms.size() > k_atom_block) {
        if (m_atom_blocks_used == k_atom_blocks)
          return std::nullopt;
        m_atom_blocks[m_atom_blocks_used++].reset(new std::uint32_t[k_atom_block]); // not zeroed
        m_atom_used = 0;
      }
      const std::size_t block = m_atom_blocks_used - 1;
      std::memcpy(m_atom_blocks[block].get() + m_atom_used, atoms.data(),
                  atoms.size() * sizeof(std::uint32_t));
      value.atoms_begin = static_cast<std::uint32_t>(block << 16 | m_atom_used);
      m_atom_used += atoms.size();
    }
    value.atoms_count = static_cast<std::uint16_t>(atoms.size());
    Slot slot;
    slot.head = key.head;
    // Bytes 8–15 of a spelling of up to 16 bytes are kept in the slot; a longer one is kept
    // whole in a key block.
    value.long_spelling = key.text.size() > 16 ? 1 : 0;
    if (value.long_spelling)
      slot.tail = reinterpret_cast<std::uintptr_t>(store_long(key.text));
    else
      slot.tail = key.tail;
    slot.value = value;
    if ((m_size + 1) * 8 > (table.mask + 1) * 7)
      grow();
    publish(*m_tables.back(), slot, key.hash);
    ++m_size;
    return value;
  }

  // The atoms of a cached value (atoms_count of them).
  const std::uint32_t* atoms(const TokenInfo& value) const {
    if (value.atoms_count == 0)
      return nullptr;
    return m_atom_blocks[value.atoms_begin >> 16].get() + (value.atoms_begin & 0xFFFF);
  }

  std::size_t size() const {
    std::lock_guard lock(m_mutex);
    return m_size;
  }

private:
  // 32 bytes, so that a slot never straddles two cache lines. No spelling's head is 0 (a
  // token is not empty and holds no NUL), so a zero head marks an empty slot; it is stored
  // last, with release order.
  struct Slot {
    std::uint64_t head = 0; // the first 8 bytes of the spelling, zero-padded
    // Up to 16 bytes (value.long_spelling 0): bytes 8–15 of the spelling, zero-padded.
    // Longer: the address of its length and bytes in a key block (see store_long).
    std::uint64_t tail = 0;
    TokenInfo value;

    const char* long_record() const {
      return reinterpret_cast<const char*>(static_cast<std::uintptr_t>(tail));
    }
  };
  static_assert(sizeof(Slot) == 32);
  static_assert(std::is_trivially_copyable_v<Slot>);

  // A table's slots, zeroed (a zero head is an empty slot). A table of tens of thousands of
  // spellings spans megabytes that every token probes at random, so past 1 MiB it asks for
  // transparent huge pages: one TLB entry per 2 MiB instead of per 4 KiB, which took the
  // stalls on the probes' prefetches out of the profile.
  struct alignas(64) Table { // its own cache line: every probe reads it, nothing writes it
    explicit Table(std::size_t count) : mask(count - 1) {
      std::size_t bytes = count * sizeof(Slot);
      constexpr std::size_t huge = std::size_t{2} << 20;
      if (bytes >= (std::size_t{1} << 20)) {
        bytes = (bytes + huge - 1) / huge * huge;
        slots.reset(static_cast<Slot*>(std::aligned_alloc(huge, bytes)));
#ifdef MADV_HUGEPAGE
        if (slots)
          madvise(slots.get(), bytes, MADV_HUGEPAGE);
#endif
      } else {
        slots.reset(static_cast<Slot*>(std::aligned_alloc(64, (bytes + 63) / 64 * 64)));
      }
      if (!slots)
        throw std::bad_alloc();
      std::memset(static_cast<void*>(slots.get()), 0, count * sizeof(Slot));
    }
    struct Free {
      void operator()(Slot* p) const { std::free(p); }
    };
    std::size_t mask;
    std::unique_ptr<Slot[], Free> slots;
  };

  static std::optional<TokenInfo> find_in(const Table& table, const TokenKey& key) {
    const bool long_key = key.text.size() > 16;
    for (std::size_t i = key.hash & table.mask;; i = (i + 1) & table.mask) {
      Slot& slot = table.slots[i];
      const std::uint64_t head =
          std::atomic_ref<std::uint64_t>(slot.head).load(std::memory_order_acquire);
      if (head == 0)
        return std::nullopt;
      if (head == key.head && (slot.value.long_spelling != 0) == long_key &&
          (long_key ? same_long(slot.long_record(), key.text) : slot.tail == key.tail))
        return slot.value;
    }
  }

  // Whether the record store_long made at `record` is of `spelling`.
  static bool same_long(const char* record, std::string_view spelling) {
    std::uint32_t length;
    std::memcpy(&length, record, sizeof length);
    return length == spelling.size() &&
           same_rest(record + sizeof length, spelling.data(), spelling.size());
  }

  // Whether the `n` bytes at `a` and `b` are equal: the few bytes past a spelling's head,
  // compared inline (a call to memcmp cost more than the comparison).
  static bool same_rest(const char* a, const char* b, std::size_t n) {
    for (; n >= 8; a += 8, b += 8, n -= 8) {
      std::uint64_t x;
      std::uint64_t y;
      std::memcpy(&x, a, 8);
      std::memcpy(&y, b, 8);
      if (x != y)
        return false;
    }
    for (; n > 0; ++a, ++b, --n)
      if (*a != *b)
        return false;
    return true;
  }

  // Fills the first empty slot for `hash` with `slot`, its head last.
  static void publish(Table& table, const Slot& slot, std::uint64_t hash) {
    for (std::size_t i = hash & table.mask;; i = (i + 1) & table.mask) {
      Slot& target = table.slots[i];
      if (std::atomic_ref<std::uint64_t>(target.head).load(std::memory_order_relaxed) != 0)
        continue;
      // Readers look at nothing but the head of an empty slot, so the rest is written
      // plainly.
      target.tail = slot.tail;
      target.value = slot.value;
      std::atomic_ref<std::uint64_t>(target.head).store(slot.head, std::memory_order_release);
      return;
    }
  }

  // A copy of a spelling over 16 bytes that never moves: its length (4 bytes), then its
  // bytes.
  const char* store_long(std::string_view spelling) {
    const auto length = static_cast<std::uint32_t>(spelling.size());
    const std::size_t bytes = sizeof length + spelling.size();
    char* at = nullptr;
    if (bytes > k_key_block) {
      m_big_keys.push_back(std::unique_ptr<char[]>(new char[bytes]));
      at = m_big_keys.back().get();
    } else {
      if (m_key_blocks.empty() || m_key_used + bytes > k_key_block) {
        m_key_blocks.push_back(std::unique_ptr<char[]>(new char[k_key_block]));
        m_key_used = 0;
      }
      at = m_key_blocks.back().get() + m_key_used;
      m_key_used += bytes;
    }
    std::memcpy(at, &length, sizeof length);
    std::memcpy(at + sizeof length, spelling.data(), spelling.size());
    return at;
  }

  // Doubles the table: a new one holding every slot, published for readers; the old one
  // stays alive for readers still probing it.
  void grow() {
    const Table& old = *m_tables.back();
    auto bigger = std::make_unique<Table>((old.mask + 1) * 2);
    for (std::size_t i = 0; i <= old.mask; ++i) {
      const Slot& slot = old.slots[i];
      if (slot.head == 0)
        continue;
      std::string_view spelling;
      char bytes[16];
      if (slot.value.long_spelling) {
        std::uint32_t length;
        std::memcpy(&length, slot.long_record(), sizeof length);
        spelling = std::string_view(slot.long_record() + sizeof length, length);
      } else {
        // Zero-padded and free of NUL bytes: the spelling ends at the first zero.
        std::memcpy(bytes, &slot.head, 8);
        std::memcpy(bytes + 8, &slot.tail, 8);
        spelling = std::string_view(bytes, strnlen(bytes, sizeof bytes));
      }
      publish(*bigger, slot, TokenKey::of(spelling).hash);
    }
    m_tables.push_back(std::move(bigger));
    m_current.store(m_tables.back().get(), std::memory_order_release);
  }

  // A one-page document has a few hundred spellings: 1 Ki slots (32 KB) to start.
  static constexpr std::size_t k_initial_slots = 1024;
  static constexpr std::size_t k_key_block = std::size_t{1} << 20;
  static constexpr std::size_t k_atom_block = std::size_t{1} << 16; // atoms per block
  static constexpr std::size_t k_atom_blocks = 4096;

  // What readers load sits on a cache line of its own, away from what writers change:
  // otherwise every insert's locking would evict it from the other threads' caches.
  alignas(64) std::atomic<const Table*> m_current{nullptr};
  alignas(64) mutable std::mutex m_mutex; // held by writers
  const std::size_t m_max_spellings;
  std::vector<std::unique_ptr<Table>> m_tables; // every table so far; the last is current
  std::size_t m_size = 0;
  std::vector<std::unique_ptr<char[]>> m_key_blocks;
  std::vector<std::unique_ptr<char[]>> m_big_keys;
  std::size_t m_key_used = 0;
  // Atom blocks are written once, before any slot that refers to them is published.
  std::unique_ptr<std::unique_ptr<std::uint32_t[]>[]> m_atom_blocks {
    std::make_unique<std::unique_ptr<std::uint32_t[]>[]>(k_atom_blocks)
  };
  std::size_t m_atom_blocks_used = 0;
  std::size_t m_atom_used = 0;
};

} // namespace koda::coding::detail
