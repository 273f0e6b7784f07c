//! Stable sorting through one non-generic merge sort.
//!
//! The standard library's sorts are generic: each element type and
//! comparator gets its own copy of driftsort or quicksort with their helpers,
//! and our eight sort calls cost the wasm 28 KB before compression (issue 8).
//! Here only a small permutation step is generic; the sort itself runs once,
//! on indices, through a `dyn` comparison.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items.
pub fn sort_by<T>(items: &mut Vec<T>, mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by a key computed once per item, keeping the order of equal keys.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    sort_by_key_then(items, key, |_, _| Ordering::Equal);
}

/// Sorts `items` by a key computed once per item, then, for equal keys, by
/// `then` (a feed's events: by start, kept beside each other in memory,
/// then by id, rarely needed).
pub fn sort_by_key_then<T, K: Ord>(
    items: &mut Vec<T>,
    key: impl FnMut(&T) -> K,
    mut then: impl FnMut(&T, &T) -> Ordering,
) {
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_indices(items.len(), &mut |a, b| keys[a].cmp(&keys[b]).then_with(|| then(&items[a], &items[b])));
    permute(items, order);
}

/// Puts `items[order[0]]` first, then `items[order[1]]`, and so on.
fn permute<T>(items: &mut Vec<T>, order: Vec<usize>) {
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The indices `0..n` in stable order under `compare` (bottom-up merge sort).
fn sorted_indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut left, mut right) = (start, mid);
            for slot in &mut to[start..end] {
                // Take from the right only when strictly smaller: stability.
                let take_right = left == mid || (right < end && compare(from[right], from[left]) == Ordering::Less);
                if take_right {
                    *slot = from[right];
                    right += 1;
                } else {
                    *slot = from[left];
                    left += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            // Sorting by the first field only: equal keys must keep their order.
            let mut expected = items.clone();
            expected.sort_by_key(|p| p.0);
            let mut by_key = items.clone();
            sort_by_key(&mut by_key, |p| p.0);
            prop_assert_eq!(&by_key, &expected);
            let mut by = items.clone();
            sort_by(&mut by, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(&by, &expected);
            let mut both = items.clone();
            both.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut then = items;
            sort_by_key_then(&mut then, |p| p.0, |a, b| b.1.cmp(&a.1));
            prop_assert_eq!(&then, &both);
        }
    }

    #[test]
    fn empty_and_single() {
        let mut none: Vec<u8> = vec![];
        sort_by_key(&mut none, |x| *x);
        assert!(none.is_empty());
        let mut one = vec![String::from("a")];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, ["a"]);
    }
}
