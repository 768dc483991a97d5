import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.utils.data import DataLoader

ACCUM_STEPS = 8    # 8 micro-batches of 128 = effective batch 1,024, as on the old 8-GPU job
MICRO_BATCH = 128
LR = 0.03
MAX_STEPS = 40_000


def build_model(n_features: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(n_features, 512), nn.ReLU(),
        nn.Linear(512, 256), nn.ReLU(),
        nn.Linear(256, 128), nn.ReLU(),
        nn.Linear(128, 1),
    )


def train(dataset, n_features: int, device: str = "cuda") -> nn.Module:
    model = build_model(n_features).to(device)
    optimizer = torch.optim.SGD(model.parameters(), lr=LR, momentum=0.9)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=MAX_STEPS)
    loader = DataLoader(dataset, batch_size=MICRO_BATCH, shuffle=True, drop_last=True, num_workers=4)
    batches = iter(loader)

    model.train()
    optimizer.zero_grad(set_to_none=True)
    for step in range(MAX_STEPS):
        step_loss = torch.zeros((), device=device)
        for micro_step in range(ACCUM_STEPS):
            try:
                x, y = next(batches)
            except StopIteration:  # end of an epoch: reshuffle and continue
                batches = iter(loader)
                x, y = next(batches)
            x, y = x.to(device, non_blocking=True), y.to(device, non_blocking=True)

            pred = model(x).squeeze(-1)
            loss = F.mse_loss(pred, y)
            loss.backward()
            step_loss += loss.detach() / ACCUM_STEPS

        # max_norm=inf: this only measures the norm for the logs, it clips nothing
        grad_norm = torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=float("inf"))
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad(set_to_none=True)

        print(f"step {step} loss {step_loss.item():.4f} grad_norm {grad_norm.item():.4f}")
    return model
