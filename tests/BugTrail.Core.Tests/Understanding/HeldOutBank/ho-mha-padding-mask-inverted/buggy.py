import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d_model, n_heads, dropout):
        super().__init__()
        self.attn = nn.MultiheadAttention(d_model, n_heads, dropout=dropout, batch_first=True)
        self.norm1 = nn.LayerNorm(d_model)
        self.ff = nn.Sequential(nn.Linear(d_model, 4 * d_model), nn.GELU(), nn.Linear(4 * d_model, d_model))
        self.norm2 = nn.LayerNorm(d_model)
        self.drop = nn.Dropout(dropout)

    def forward(self, h, pad_mask):
        a, _ = self.attn(h, h, h, key_padding_mask=pad_mask)
        h = self.norm1(h + self.drop(a))
        return self.norm2(h + self.drop(self.ff(h)))


class TransactionClassifier(nn.Module):
    def __init__(self, vocab_size=16000, max_len=64, d_model=256, n_heads=4, n_layers=2, n_classes=48, dropout=0.1):
        super().__init__()
        self.tok = nn.Embedding(vocab_size, d_model, padding_idx=0)
        self.pos = nn.Embedding(max_len, d_model)
        self.blocks = nn.ModuleList([Block(d_model, n_heads, dropout) for _ in range(n_layers)])
        self.head = nn.Linear(d_model, n_classes)

    def forward(self, input_ids, attention_mask):
        # input_ids, attention_mask: (batch, 64) from the tokenizer.
        # attention_mask is 1 for real tokens and 0 for padding.
        positions = torch.arange(input_ids.size(1), device=input_ids.device)
        h = self.tok(input_ids) + self.pos(positions)
        pad_mask = attention_mask.bool()
        for block in self.blocks:
            h = block(h, pad_mask)
        keep = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = (h * keep).sum(dim=1) / keep.sum(dim=1)  # mean over real tokens
        return self.head(pooled)


def train_step(model, batch, optimizer, scheduler):
    model.train()
    logits = model(batch["input_ids"], batch["attention_mask"])
    loss = F.cross_entropy(logits, batch["label"])
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    optimizer.step()
    scheduler.step()
    return loss.item(), grad_norm.item()
