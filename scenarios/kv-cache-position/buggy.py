import torch
import torch.nn as nn
import torch.nn.functional as F


def rope_tables(d_head: int, max_len: int, base: float = 10000.0):
    """cos/sin tables of shape (max_len, d_head), half-split convention as in training."""
    inv_freq = 1.0 / base ** (torch.arange(0, d_head, 2).float() / d_head)
    angles = torch.outer(torch.arange(max_len).float(), inv_freq)
    return torch.cat([angles.cos()] * 2, dim=-1), torch.cat([angles.sin()] * 2, dim=-1)


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    x1, x2 = x.chunk(2, dim=-1)
    return x * cos + torch.cat([-x2, x1], dim=-1) * sin


class KVCache:
    """Keys and values of every layer for one request, preallocated for max_len positions."""

    def __init__(self, n_layers: int, n_heads: int, d_head: int, max_len: int, dtype, device):
        shape = (1, n_heads, max_len, d_head)
        self.k = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(n_layers)]
        self.v = [torch.zeros(shape, dtype=dtype, device=device) for _ in range(n_layers)]

    def update(self, layer: int, start_pos: int, k: torch.Tensor, v: torch.Tensor):
        end = start_pos + k.shape[2]
        self.k[layer][:, :, start_pos:end] = k
        self.v[layer][:, :, start_pos:end] = v
        return self.k[layer][:, :, :end], self.v[layer][:, :, :end]


class CachedAttention(nn.Module):
    def __init__(self, layer: int, d_model: int, n_heads: int):
        super().__init__()
        self.layer, self.n_heads, self.d_head = layer, n_heads, d_model // n_heads
        self.qkv = nn.Linear(d_model, 3 * d_model, bias=False)
        self.proj = nn.Linear(d_model, d_model, bias=False)

    def forward(self, x: torch.Tensor, start_pos: int, cos, sin, cache: KVCache) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x).view(B, T, 3, self.n_heads, self.d_head).permute(2, 0, 3, 1, 4)
        cos, sin = cos[start_pos:start_pos + T], sin[start_pos:start_pos + T]
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        k, v = cache.update(self.layer, start_pos, k, v)
        # query i sits at position start_pos + i and may attend to keys 0 .. start_pos + i
        mask = torch.ones(T, k.shape[2], dtype=torch.bool, device=x.device).tril(diagonal=start_pos)
        y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.proj(y.transpose(1, 2).reshape(B, T, C))


class Block(nn.Module):
    def __init__(self, layer: int, d_model: int, n_heads: int):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = CachedAttention(layer, d_model, n_heads)
        self.mlp = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))

    def forward(self, x, start_pos, cos, sin, cache):
        x = x + self.attn(self.norm1(x), start_pos, cos, sin, cache)
        return x + self.mlp(self.norm2(x))


class Decoder(nn.Module):
    def __init__(self, vocab: int, d_model: int, n_heads: int, n_layers: int, max_len: int):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.blocks = nn.ModuleList(Block(i, d_model, n_heads) for i in range(n_layers))
        self.norm = nn.LayerNorm(d_model)
        self.head = nn.Linear(d_model, vocab, bias=False)
        self.head.weight = self.embed.weight  # tied input and output embeddings
        cos, sin = rope_tables(d_model // n_heads, max_len)
        self.register_buffer("cos", cos, persistent=False)
        self.register_buffer("sin", sin, persistent=False)

    def forward(self, tokens: torch.Tensor, start_pos: int, cache: KVCache) -> torch.Tensor:
        x = self.embed(tokens)
        for block in self.blocks:
            x = block(x, start_pos, self.cos, self.sin, cache)
        return self.head(self.norm(x))


@torch.inference_mode()
def generate(model: Decoder, prompt: torch.Tensor, max_new_tokens: int, eos_id: int, cache: KVCache):
    """Greedy decoding for one request. prompt: (1, P) token ids."""
    logits = model(prompt, start_pos=0, cache=cache)  # prefill: the whole prompt in one pass
    next_tok = logits[:, -1].argmax(dim=-1, keepdim=True)
    out, pos = [next_tok.item()], prompt.shape[1]
    while len(out) < max_new_tokens and out[-1] != eos_id:
        logits = model(next_tok, start_pos=pos, cache=cache)  # decode: one new token per step
        next_tok = logits[:, -1].argmax(dim=-1, keepdim=True)
        out.append(next_tok.item())
    return out
