#!/usr/bin/python3
"""PyTorch CPU baseline for rankcf's side-by-side benchmarks.

Times one training epoch (or one full-ranking evaluation) of the paper's models and losses, written the
way the reference code and LightGCN-PyTorch write them: nn.Embedding tables, autograd, dense gradients,
torch.optim.Adam with coupled weight decay, a full SVD per batch for the stable-rank regulariser,
torch.pdist for DirectAU's uniformity and a torch sparse adjacency for LightGCN.

Each mode prints its per-epoch losses (or metrics) on stderr and one JSON line on stdout:
{"mode", "threads", "seconds", "median", "torch", "peak_rss_mb", ...}.
With several modes, each runs in a fresh child process so that its peak RSS is its own.
"""

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import time

# libgomp's default spin-waiting collapses when the cores are shared with other processes (a batch SVD ran
# 10-20x slower with 2 threads than with 1 on a loaded 2-core machine); passive waiting avoids that.
# Export OMP_WAIT_POLICY=ACTIVE to measure the default on a quiet machine. Must be set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

REPO_ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# mode -> (model, batch size); the loss is chosen in Trainer.loss
TRAIN_MODES = {
    "mf-bpr": ("mf", 16384),
    "mf-bpr-sr": ("mf", 16384),
    "mf-directau": ("mf", 8192),
    "mf-align-sr": ("mf", 8192),
    "lightgcn-bpr": ("lightgcn", 16384),
}
OTHER_MODES = ("eval", "check")
ALL_MODES = tuple(TRAIN_MODES) + OTHER_MODES


def log(message):
    print(message, file=sys.stderr, flush=True)


class Data:
    """LightGCN text split: each line `user item item ...`, 0-based ids, in train.txt and test.txt."""

    def __init__(self, folder):
        train_u, train_i = self._read(os.path.join(folder, "train.txt"))
        test_u, test_i = self._read(os.path.join(folder, "test.txt"))
        self.num_users = int(max(train_u.max(), test_u.max())) + 1
        self.num_items = int(max(train_i.max(), test_i.max())) + 1
        self.train_users, self.train_items = train_u, train_i
        # train items per user as CSR, for masking at evaluation
        order = torch.argsort(train_u * self.num_items + train_i)
        self.train_indices = train_i[order]
        self.train_indptr = torch.zeros(self.num_users + 1, dtype=torch.long)
        self.train_indptr[1:] = torch.cumsum(torch.bincount(train_u, minlength=self.num_users), 0)
        # test pairs as sorted keys user * n_items + item: hits are found with searchsorted
        self.test_keys = torch.sort(test_u * self.num_items + test_i).values
        self.test_counts = torch.bincount(test_u, minlength=self.num_users)
        self.eval_users = torch.nonzero(self.test_counts > 0).flatten()

    @staticmethod
    def _read(path):
        users, items = [], []
        with open(path) as f:
            for line in f:
                ids = line.split()
                if len(ids) > 1:
                    user = int(ids[0])
                    users.extend([user] * (len(ids) - 1))
                    items.extend(int(x) for x in ids[1:])
        return torch.tensor(users, dtype=torch.long), torch.tensor(items, dtype=torch.long)

    def describe(self):
        return (f"{self.num_users} users, {self.num_items} items, {len(self.train_users)} train pairs, "
                f"{len(self.test_keys)} test pairs, {len(self.eval_users)} test users")


class MF(nn.Module):
    def __init__(self, num_users, num_items, dim, std):
        super().__init__()
        self.user_emb = nn.Embedding(num_users, dim)
        self.item_emb = nn.Embedding(num_items, dim)
        nn.init.normal_(self.user_emb.weight, std=std)
        nn.init.normal_(self.item_emb.weight, std=std)

    def tables(self):
        """The final user and item tables, as ranked at evaluation."""
        return self.user_emb.weight, self.item_emb.weight

    def batch_view(self):
        """Two functions from ids to rows of the final tables: plain embedding lookups for MF."""
        return self.user_emb, self.item_emb


class LightGCN(MF):
    """E = mean_{k=0..K} A_norm^k E0 over the bipartite graph, A_norm = D^-1/2 A D^-1/2, full graph per step."""

    def __init__(self, data, dim, std, layers):
        super().__init__(data.num_users, data.num_items, dim, std)
        self.layers = layers
        self.graph = normalized_adjacency(data)

    def tables(self):
        ego = torch.cat([self.user_emb.weight, self.item_emb.weight])
        layers = [ego]
        for _ in range(self.layers):
            layers.append(torch.sparse.mm(self.graph, layers[-1]))
        final = torch.stack(layers, dim=1).mean(dim=1)
        return torch.split(final, [self.user_emb.num_embeddings, self.item_emb.num_embeddings])

    def batch_view(self):
        users, items = self.tables()
        return (lambda ids: users[ids]), (lambda ids: items[ids])


def normalized_adjacency(data):
    n_u = data.num_users
    rows = torch.cat([data.train_users, n_u + data.train_items])
    cols = torch.cat([n_u + data.train_items, data.train_users])
    n = n_u + data.num_items
    degree = torch.bincount(rows, minlength=n).float()
    inv_sqrt = torch.where(degree > 0, degree.pow(-0.5), torch.zeros_like(degree))
    values = inv_sqrt[rows] * inv_sqrt[cols]
    return torch.sparse_coo_tensor(torch.stack([rows, cols]), values, (n, n)).coalesce()


def bpr(u, i, j):
    return F.softplus(-((u * i).sum(dim=1) - (u * j).sum(dim=1))).mean()


def alignment(u, i):
    return (F.normalize(u, dim=-1) - F.normalize(i, dim=-1)).norm(p=2, dim=1).pow(2).mean()


def uniformity(x):
    return torch.pdist(F.normalize(x, dim=-1), p=2).pow(2).mul(-2).exp().mean().log()


def stable_rank_penalty(x):
    """-srank(x^)/d with srank = ||x^||_F^2 / sigma_max^2 from a full SVD, as the paper's code computes it."""
    x = F.normalize(x, dim=-1)
    sigma = torch.linalg.svdvals(x)
    return -(x.pow(2).sum() / sigma[0].pow(2)) / x.shape[1]


class Trainer:
    def __init__(self, mode, data, model, args, generator):
        self.mode, self.data, self.model = mode, data, model
        self.batch_size = args.batch_size or TRAIN_MODES[mode][1]
        self.generator = generator
        # dense gradients and coupled L2 over every row of both tables at every step, as the reference
        self.optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)

    def epoch(self):
        """One pass over the shuffled train pairs; returns the mean batch loss."""
        data, n = self.data, len(self.data.train_users)
        perm = torch.randperm(n, generator=self.generator)
        total, batches = 0.0, 0
        for start in range(0, n, self.batch_size):
            idx = perm[start:start + self.batch_size]
            users, items = data.train_users[idx], data.train_items[idx]
            loss = self.loss(users, items)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            total += loss.item()
            batches += 1
        return total / batches

    def loss(self, users, items):
        user_rows, item_rows = self.model.batch_view()
        u, i = user_rows(users), item_rows(items)
        if self.mode in ("mf-bpr", "mf-bpr-sr", "lightgcn-bpr"):
            negatives = torch.randint(self.data.num_items, (len(items),), generator=self.generator)
            loss = bpr(u, i, item_rows(negatives))
            if self.mode == "mf-bpr-sr":
                loss = loss + self.stable_rank(user_rows, item_rows, users, torch.cat([items, negatives]))
            return loss
        if self.mode == "mf-directau":
            unique_u, unique_i = user_rows(torch.unique(users)), item_rows(torch.unique(items))
            return alignment(u, i) + (uniformity(unique_u) + uniformity(unique_i)) / 2
        if self.mode == "mf-align-sr":
            return alignment(u, i) + self.stable_rank(user_rows, item_rows, users, items)
        raise ValueError(self.mode)

    @staticmethod
    def stable_rank(user_rows, item_rows, users, items):
        return (stable_rank_penalty(user_rows(torch.unique(users)))
                + stable_rank_penalty(item_rows(torch.unique(items)))) / 2


@torch.no_grad()
def evaluate(data, user_table, item_table, k, block):
    """Full ranking: scores = U_block I^T, train items set to -inf, top-k; mean recall@k and ndcg@k."""
    discounts = 1.0 / torch.log2(torch.arange(2, k + 2, dtype=torch.float64))
    ideal = torch.cumsum(discounts, 0)
    recall_sum, ndcg_sum = 0.0, 0.0
    items_t = item_table.t()
    for start in range(0, len(data.eval_users), block):
        users = data.eval_users[start:start + block]
        scores = user_table[users] @ items_t
        begin, counts = data.train_indptr[users], data.train_indptr[users + 1] - data.train_indptr[users]
        rows = torch.repeat_interleave(torch.arange(len(users)), counts)
        offsets = torch.arange(int(counts.sum())) - torch.repeat_interleave(torch.cumsum(counts, 0) - counts, counts)
        cols = data.train_indices[torch.repeat_interleave(begin, counts) + offsets]
        scores.index_put_((rows, cols), torch.tensor(float("-inf")))
        top = torch.topk(scores, k, dim=1).indices
        keys = users.unsqueeze(1) * data.num_items + top
        pos = torch.searchsorted(data.test_keys, keys).clamp(max=len(data.test_keys) - 1)
        hits = (data.test_keys[pos] == keys).double()
        relevant = data.test_counts[users]
        recall_sum += (hits.sum(dim=1) / relevant).sum().item()
        ndcg_sum += ((hits * discounts).sum(dim=1) / ideal[relevant.clamp(max=k) - 1]).sum().item()
    n = len(data.eval_users)
    return {f"recall@{k}": recall_sum / n, f"ndcg@{k}": ndcg_sum / n}


def build_model(mode, data, args):
    # from N(0, 1), MF-BPR at lr 0.01 needs tens of epochs before recall moves (the paper's best epoch is
    # 78), so the short check starts from LightGCN-PyTorch's std 0.1 instead
    std = args.init_std if args.init_std is not None else (0.1 if mode == "check" else 1.0)
    if TRAIN_MODES.get(mode, ("mf",))[0] == "lightgcn":
        return LightGCN(data, args.dim, std, args.layers)
    return MF(data.num_users, data.num_items, args.dim, std)


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux reports KiB


def run_mode(mode, data, args):
    generator = torch.Generator().manual_seed(args.seed)
    torch.manual_seed(args.seed)
    model = build_model(mode, data, args)
    result = {"mode": mode, "threads": torch.get_num_threads(), "omp_wait_policy": os.environ["OMP_WAIT_POLICY"]}
    if mode == "eval":
        seconds = []
        for r in range(-1, args.repeats):
            start = time.perf_counter()
            metrics = evaluate(data, model.user_emb.weight, model.item_emb.weight, args.k, args.eval_block)
            elapsed = time.perf_counter() - start
            log(f"eval {'warm-up' if r < 0 else r}: {elapsed:.3f} s, random-init model "
                + ", ".join(f"{name} {value:.5f}" for name, value in metrics.items()))
            if r >= 0:
                seconds.append(elapsed)
        result["metrics_random_init"] = metrics
    elif mode == "check":
        trainer = Trainer("mf-bpr", data, model, args, generator)
        curve = []
        for e in range(args.check_epochs + 1):
            if e > 0:
                loss = trainer.epoch()
            metrics = evaluate(data, *model.tables(), args.k, args.eval_block)
            curve.append(metrics[f"recall@{args.k}"])
            log(f"check epoch {e}: " + (f"loss {loss:.5f}, " if e > 0 else "random init, ")
                + ", ".join(f"{name} {value:.5f}" for name, value in metrics.items()))
        result["recall_by_epoch"] = curve
        result["recall_increased"] = curve[-1] > curve[0]
        seconds = []
    else:
        trainer = Trainer(mode, data, model, args, generator)
        seconds = []
        for r in range(-1, args.repeats):
            start = time.perf_counter()
            loss = trainer.epoch()
            elapsed = time.perf_counter() - start
            log(f"{mode} epoch {'warm-up' if r < 0 else r}: loss {loss:.5f}, {elapsed:.3f} s")
            if not math.isfinite(loss):
                raise SystemExit(f"{mode}: loss diverged ({loss})")
            if r >= 0:
                seconds.append(elapsed)
        result["batch_size"] = trainer.batch_size
    result.update({
        "seconds": [round(s, 4) for s in seconds],
        "median": round(statistics.median(seconds), 4) if seconds else None,
        "torch": torch.__version__,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    })
    print(json.dumps(result), flush=True)
    if mode == "check" and not result["recall_increased"]:
        raise SystemExit(f"check: recall@{args.k} did not rise over {args.check_epochs} epochs of MF-BPR")


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--modes", default=",".join(TRAIN_MODES) + ",eval",
                   help="comma-separated, from: " + ", ".join(ALL_MODES))
    p.add_argument("--data", default="../shared/data/gowalla", help="data folder, relative to the repository root")
    p.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (also OpenMP/OpenBLAS)")
    p.add_argument("--repeats", type=int, default=3, help="timed epochs / evaluations after one warm-up")
    p.add_argument("--seed", type=int, default=2020)
    p.add_argument("--dim", type=int, default=64)
    p.add_argument("--init-std", type=float,
                   help="N(0, std^2) init of both tables (default 1.0 as in the paper's code; 0.1 for check)")
    p.add_argument("--layers", type=int, default=3, help="LightGCN layers")
    p.add_argument("--lr", type=float, default=0.01)
    p.add_argument("--weight-decay", type=float, default=1e-6)
    p.add_argument("--batch-size", type=int, default=0, help="override the mode's batch size (0 = mode default)")
    p.add_argument("--k", type=int, default=20, help="cut-off of recall and ndcg")
    p.add_argument("--eval-block", type=int, default=4096, help="users scored per block at evaluation")
    p.add_argument("--check-epochs", type=int, default=3, help="MF-BPR epochs trained by the check mode")
    args = p.parse_args(argv)
    args.modes = [m for m in args.modes.split(",") if m]
    unknown = [m for m in args.modes if m not in ALL_MODES]
    if unknown or not args.modes:
        p.error(f"unknown mode(s) {unknown}; known: {', '.join(ALL_MODES)}")
    if args.repeats < 1 or args.threads < 1:
        p.error("--repeats and --threads must be >= 1")
    return args


def main(argv):
    args = parse_args(argv)
    if len(args.modes) > 1:
        # one child per mode: isolated peak RSS and no allocator state carried between modes
        # (later --modes options override earlier ones in argparse)
        for mode in args.modes:
            subprocess.run([sys.executable, os.path.abspath(__file__), *argv, "--modes", mode], check=True)
        return
    torch.set_num_threads(args.threads)
    folder = args.data if os.path.isabs(args.data) else os.path.join(REPO_ROOT, args.data)
    start = time.perf_counter()
    data = Data(folder)
    log(f"torch {torch.__version__}, {torch.get_num_threads()} threads; {folder}: {data.describe()} "
        f"(read in {time.perf_counter() - start:.1f} s)")
    run_mode(args.modes[0], data, args)


if __name__ == "__main__":
    main(sys.argv[1:])
