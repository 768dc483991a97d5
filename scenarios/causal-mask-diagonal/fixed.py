import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class CausalSelfAttention(nn.Module):
    """Multi-head causal self-attention, used in all 12 blocks of the model."""

    def __init__(self, d_model: int, n_heads: int, max_len: int, dropout: float = 0.0):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.d_head = d_model // n_heads

        self.qkv = nn.Linear(d_model, 3 * d_model)
        self.proj = nn.Linear(d_model, d_model)
        self.attn_drop = nn.Dropout(dropout)

        # allowed[i, j] is True where query position i may attend to key position j
        allowed = torch.tril(torch.ones(max_len, max_len, dtype=torch.bool), diagonal=0)
        self.register_buffer("allowed", allowed.view(1, 1, max_len, max_len), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        B, T, C = x.shape

        # One projection, split into Q, K, V, each (B, n_heads, T, d_head)
        q, k, v = self.qkv(x).split(C, dim=2)
        q = q.view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        k = k.view(B, T, self.n_heads, self.d_head).transpose(1, 2)
        v = v.view(B, T, self.n_heads, self.d_head).transpose(1, 2)

        # Scaled dot-product scores: (B, n_heads, T, T)
        scores = (q @ k.transpose(-2, -1)) / math.sqrt(self.d_head)
        scores = scores.masked_fill(~self.allowed[:, :, :T, :T], float("-inf"))

        attn = F.softmax(scores, dim=-1)
        attn = self.attn_drop(attn)
        out = attn @ v  # (B, n_heads, T, d_head)

        # Merge the heads back: (B, T, C)
        out = out.transpose(1, 2).contiguous().view(B, T, C)
        return self.proj(out)
