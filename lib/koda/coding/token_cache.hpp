#pragma once

// The per-thread cache from a token's spelling to what it is to the codebook. Every token
// of every unit is looked up here, and the lookups are bound by memory latency. So: an
// open-addressing table of 40-byte slots holding the hash tag, the first 8 bytes of the
// spelling and the value (longer spellings compare their rest in a key arena), on
// transparent huge pages once it is large; in front of it a direct-mapped table of recent
// spellings of up to 16 bytes, small enough to stay in the L2 cache, which answers most
// probes; and the scanner prefetches the hot entries of a unit's tokens, answers what
// they hold, then prefetches the main-table slots of the rest before looking them up. A hit
// allocates nothing. Not a public header.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <sys/mman.h>
#include <type_traits>
#include <vector>

namespace koda::coding::detail {

// What one spelling of a token is to the codebook: its stem id and folded-form id (or -1)
// and the one-word atoms it satisfies (a range of Workspace::State::cached_atoms).
struct TokenInfo {
  std::int32_t stem = -1;
  std::int32_t form = -1;
  std::uint32_t atoms_begin = 0;
  std::uint16_t atoms_count = 0;
};

class TokenCache {
public:
  TokenCache() { reset(); }

  // A spelling as the cache sees it: its bytes, its first 8 bytes and bytes 8 to 15
  // (zero-padded), and its hash. A token never holds a NUL byte, so for spellings of up to
  // 16 bytes equal length, head and tail mean equal spellings.
  struct Key {
    std::string_view text;
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::uint64_t hash = 0;
  };

  // The key of `text`, of which `readable` bytes (at least its own) may be read from
  // text.data(): with 16 or more, head and tail are each one 8-byte load, which is what
  // the scanner does for all but a unit's last tokens.
  static Key key_of(std::string_view text, std::size_t readable) {
    Key key;
    key.text = text;
    const std::size_t n = text.size();
    key.head = load(text.data(), n < 8 ? n : 8, readable >= 8);
    if (n > 8)
      key.tail = load(text.data() + 8, n < 16 ? n - 8 : 8, readable >= 16);
    std::uint64_t h = (0x9E3779B97F4A7C15ull ^ n) ^ key.head;
    if (n > 8) {
      h *= 0xFF51AFD7ED558CCDull;
      h = (h ^ key.tail) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      for (std::size_t at = 16; at < n; at += 8) {
        const std::size_t k = n - at < 8 ? n - at : 8;
        h = (h ^ load(text.data() + at, k, readable >= at + 8)) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
      }
    }
    // MurmurHash3's finaliser: every input bit reaches the low bits used as the index.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    key.hash = h;
    return key;
  }

  static Key key_of(std::string_view text) { return key_of(text, text.size()); }

  // Starts loading the hot-table entry for `key`.
  void prefetch_hot(const Key& key) const { __builtin_prefetch(&hot_of(key.hash)); }

  // Starts loading the main-table slot for `key`.
  void prefetch_main(const Key& key) const { __builtin_prefetch(&m_slots[key.hash & m_mask]); }

  // The value the hot table holds for `key`, or nullptr (the key may still be cached).
  const TokenInfo* find_hot(const Key& key) const {
    const Hot& hot = hot_of(key.hash);
    if (hot.tag == tag_of(key.hash) && hot.head == key.head && hot.tail == key.tail &&
        hot.length == key.text.size())
      return &hot.value; // never true for a key of more than 16 bytes: those are not hot
    return nullptr;
  }

  // The value cached for `key`, or nullptr.
  const TokenInfo* find(const Key& key) {
    // Frequent words are short: spellings of up to 16 bytes also live in a small
    // direct-mapped table that stays in the L2 cache, so most tokens never touch the big one.
    if (const TokenInfo* hot = find_hot(key))
      return hot;
    const TokenInfo* found = find_slot(key);
    if (found && key.text.size() <= 16)
      hot_of(key.hash) = Hot{tag_of(key.hash), static_cast<std::uint32_t>(key.text.size()),
                             key.head, key.tail, *found};
    return found;
  }

private:
  const TokenInfo* find_slot(const Key& key) const {
    const std::uint32_t tag = tag_of(key.hash);
    const std::size_t size = key.text.size();
    for (std::size_t i = key.hash & m_mask;; i = (i + 1) & m_mask) {
      const Slot& slot = m_slots[i];
      if (slot.tag == 0)
        return nullptr;
      if (slot.tag == tag && slot.head == key.head && slot.length == size &&
          (size <= 8 || same_rest(m_keys.data() + slot.offset, key.text.data() + 8, size - 8)))
        return &slot.value;
    }
  }

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

public:
  // Caches `value` for `key` (not yet present) and returns the stored copy.
  const TokenInfo& insert(const Key& key, const TokenInfo& value) {
    if ((m_size + 1) * 8 > m_slots.size() * 7)
      grow();
    Slot slot;
    slot.tag = tag_of(key.hash);
    slot.head = key.head;
    slot.length = static_cast<std::uint32_t>(key.text.size());
    slot.offset = static_cast<std::uint32_t>(m_keys.size());
    slot.low = static_cast<std::uint32_t>(key.hash);
    slot.value = value;
    if (key.text.size() > 8)
      m_keys.append(key.text.substr(8));
    ++m_size;
    return place(slot, key.hash);
  }

  std::size_t size() const { return m_size; }

  // Forgets everything (to bound memory on corpora with millions of distinct spellings).
  void reset() {
    // calloc: fresh zero pages are only faulted in when a probe touches them, which keeps
    // start-up on a one-page document cheap.
    if (m_hot)
      std::memset(static_cast<void*>(m_hot.get()), 0, k_hot_slots * sizeof(Hot));
    else
      m_hot.reset(static_cast<Hot*>(std::calloc(k_hot_slots, sizeof(Hot))));
    if (!m_hot)
      throw std::bad_alloc();
    m_slots = SlotTable(k_initial_slots);
    m_mask = m_slots.size() - 1;
    m_keys.clear();
    m_size = 0;
  }

private:
  struct Slot {
    std::uint32_t tag = 0; // 0: empty
    std::uint32_t length = 0;
    std::uint64_t head = 0;   // the first 8 bytes of the spelling, zero-padded
    std::uint32_t offset = 0; // the rest of the spelling in m_keys
    std::uint32_t low = 0;    // the hash's low half: where the slot goes when the table grows
    TokenInfo value;
  };
  static_assert(sizeof(Slot) <= 40);
  struct Hot {
    std::uint32_t tag = 0;
    std::uint32_t length = 0;
    std::uint64_t head = 0;
    std::uint64_t tail = 0; // bytes 8–15, zero-padded
    TokenInfo value;
  };

  static constexpr std::size_t k_hot_slots = 8192;
  static_assert(std::is_trivially_copyable_v<Hot> && std::is_trivially_destructible_v<Hot>);
  // A one-page document has a few hundred spellings: 1 Ki slots (40 KB) to start; growing
  // re-places slots by their stored hash bits, so a corpus's growths cost little.
  static constexpr std::size_t k_initial_slots = 1024;
  struct FreeHot {
    void operator()(Hot* p) const { std::free(p); }
  };
  std::unique_ptr<Hot, FreeHot> m_hot;

  Hot& hot_of(std::uint64_t h) const { return m_hot.get()[(h >> 40) & (k_hot_slots - 1)]; }

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }

  const TokenInfo& place(const Slot& slot, std::uint64_t h) {
    for (std::size_t i = h & m_mask;; i = (i + 1) & m_mask) {
      if (m_slots[i].tag == 0) {
        m_slots[i] = slot;
        return m_slots[i].value;
      }
    }
  }

  void grow() {
    SlotTable old(m_slots.size() * 2);
    std::swap(old, m_slots);
    m_mask = m_slots.size() - 1;
    for (const Slot& slot : old)
      if (slot.tag != 0)
        place(slot, slot.low);
  }

  // The slots, zeroed (a zero tag is an empty slot). A table of tens of thousands of
  // spellings spans megabytes that every token probes at random, so past 1 MiB it asks for
  // transparent huge pages: one TLB entry per 2 MiB instead of per 4 KiB, which took the
  // stalls on the probes' prefetches out of the profile.
  class SlotTable {
  public:
    SlotTable() = default;
    explicit SlotTable(std::size_t count) : m_count(count) {
      std::size_t bytes = count * sizeof(Slot);
      constexpr std::size_t huge = std::size_t{2} << 20;
      if (bytes >= (std::size_t{1} << 20)) {
        bytes = (bytes + huge - 1) / huge * huge;
        m_slots.reset(static_cast<Slot*>(std::aligned_alloc(huge, bytes)));
#ifdef MADV_HUGEPAGE
        if (m_slots)
          madvise(m_slots.get(), bytes, MADV_HUGEPAGE);
#endif
      } else {
        m_slots.reset(static_cast<Slot*>(
            std::aligned_alloc(alignof(std::max_align_t) > 64 ? alignof(std::max_align_t) : 64,
                               (bytes + 63) / 64 * 64)));
      }
      if (!m_slots)
        throw std::bad_alloc();
      std::memset(static_cast<void*>(m_slots.get()), 0, count * sizeof(Slot));
    }
    std::size_t size() const { return m_count; }
    Slot& operator[](std::size_t i) { return m_slots.get()[i]; }
    const Slot& operator[](std::size_t i) const { return m_slots.get()[i]; }
    Slot* begin() { return m_slots.get(); }
    Slot* end() { return m_slots.get() + m_count; }

  private:
    struct Free {
      void operator()(Slot* p) const { std::free(p); }
    };
    std::unique_ptr<Slot, Free> m_slots;
    std::size_t m_count = 0;
  };
  static_assert(std::is_trivially_copyable_v<Slot>);
  SlotTable m_slots;
  std::size_t m_mask = 0;
  std::string m_keys;
  std::size_t m_size = 0;
};

} // namespace koda::coding::detail
