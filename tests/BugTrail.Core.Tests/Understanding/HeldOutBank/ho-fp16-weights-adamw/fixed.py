import math

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM

from policy_qa import load_packed_sequences  # 1,024-token sequences; labels are -100 on prompt tokens

BASE_CKPT = "/models/base-1.1b"
TOTAL_STEPS, WARMUP_STEPS, PEAK_LR = 3000, 100, 2e-5


def lr_factor(step):
    if step < WARMUP_STEPS:
        return (step + 1) / WARMUP_STEPS
    progress = (step - WARMUP_STEPS) / (TOTAL_STEPS - WARMUP_STEPS)
    return 0.1 + 0.9 * 0.5 * (1.0 + math.cos(math.pi * progress))


def main(seed=1):
    torch.manual_seed(seed)
    device = torch.device("cuda")
    model = AutoModelForCausalLM.from_pretrained(BASE_CKPT, torch_dtype=torch.float32).to(device)
    model.train()

    loader = DataLoader(load_packed_sequences("train"), batch_size=8, shuffle=True, drop_last=True)
    decay = [p for p in model.parameters() if p.ndim >= 2]
    no_decay = [p for p in model.parameters() if p.ndim < 2]
    optimizer = torch.optim.AdamW(
        [{"params": decay, "weight_decay": 0.1}, {"params": no_decay, "weight_decay": 0.0}],
        lr=PEAK_LR, betas=(0.9, 0.999), eps=1e-8,
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)

    step = 0
    while step < TOTAL_STEPS:
        for batch in loader:
            input_ids = batch["input_ids"].to(device)
            labels = batch["labels"].to(device)
            with torch.autocast(device_type="cuda", dtype=torch.bfloat16):
                loss = model(input_ids=input_ids, labels=labels).loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
            lr = optimizer.param_groups[0]["lr"]
            optimizer.step()
            scheduler.step()
            if step < 5 or step % 10 == 0:
                print(f"step {step} loss {loss.item():.3f} grad_norm {grad_norm.item():.2f} lr {lr:.1e}")
            step += 1
            if step == TOTAL_STEPS:
                break

    model.save_pretrained("/models/policy-qa-1.1b")
