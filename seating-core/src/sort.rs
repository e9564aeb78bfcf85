//! Stable sorting with little code.
//!
//! The standard library's sorts are fast but large: each call site (each element type and
//! key closure) gets its own copy of driftsort or ipnsort, 3–5 KB of WebAssembly apiece, and
//! the page had some forty. Sorting here is one merge sort over positions, shared by every
//! caller through a `dyn` comparison; what each call site adds is the key loop and the
//! permutation. Keys are computed once per element (like `sort_by_cached_key`).
//!
//! Used everywhere except the precedence sort in `rank`, whose speed the plan benches
//! measure.

/// Sorts `v` by `key`, stably (equal keys keep their order).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(&mut key).collect();
    let order = stable_order(keys.len(), &mut |a, b| keys[a] < keys[b]);
    permute(v, order);
}

/// Sorts `v` in its natural order, stably.
pub fn sort<T: Ord>(v: &mut [T]) {
    let order = stable_order(v.len(), &mut |a, b| v[a] < v[b]);
    permute(v, order);
}

/// The positions `0..n` in the stable order that `less` defines: a bottom-up merge sort,
/// insertion-sorted runs of 16 first. Already-sorted input costs one pass.
fn stable_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    if (1..n).all(|i| !less(i, i - 1)) {
        return a;
    }
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = a[i];
            let mut j = i;
            while j > start && less(x, a[j - 1]) {
                a[j] = a[j - 1];
                j -= 1;
            }
            a[j] = x;
        }
    }
    let mut b = vec![0; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut b[lo..hi] {
                // Take from the right run only when strictly less: ties keep their order.
                if j < hi && (i >= mid || less(a[j], a[i])) {
                    *slot = a[j];
                    j += 1;
                } else {
                    *slot = a[i];
                    i += 1;
                }
            }
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, in place, one cycle at a
/// time (`order` is a permutation; it is used up as the marks of the positions done).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut i = start;
        while order[i] != DONE {
            let j = std::mem::replace(&mut order[i], DONE);
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..300)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = v.clone();
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(&ours, &std);

            let mut ours = v.clone();
            sort(&mut ours);
            let mut std = v;
            std.sort();
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorted_and_reversed_input() {
        let mut v: Vec<u32> = (0..1000).rev().collect();
        sort(&mut v);
        assert!(v.iter().copied().eq(0..1000));
        sort_by_key(&mut v, |&x| std::cmp::Reverse(x));
        assert!(v.iter().copied().eq((0..1000).rev()));
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        let mut one = vec!["a".to_string()];
        sort_by_key(&mut one, |s| s.len());
        assert_eq!(one, ["a"]);
    }
}
