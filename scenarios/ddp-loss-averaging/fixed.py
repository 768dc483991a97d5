import math
import os

import torch
import torch.distributed as dist
import torch.nn.functional as F
import torchvision
from torch.nn.parallel import DistributedDataParallel as DDP
from torch.utils.data import DataLoader
from torch.utils.data.distributed import DistributedSampler

from data import build_imagenet  # (train_set, val_set) with the standard augmentations
from evaluation import evaluate  # top-1 / top-5 on the validation set, all-reduced over ranks


def grad_norm(model: torch.nn.Module) -> torch.Tensor:
    return torch.norm(torch.stack([p.grad.detach().float().norm() for p in model.parameters()]))


def main(epochs: int = 90, global_batch: int = 256, base_lr: float = 0.1, log_every: int = 100):
    # launched with: torchrun --nproc_per_node=<gpus> train.py
    dist.init_process_group("nccl")
    rank, world_size = dist.get_rank(), dist.get_world_size()
    local_rank = int(os.environ["LOCAL_RANK"])
    torch.cuda.set_device(local_rank)
    device = torch.device("cuda", local_rank)
    torch.manual_seed(0)

    train_set, val_set = build_imagenet()
    per_gpu_batch = global_batch // world_size
    sampler = DistributedSampler(train_set, shuffle=True, seed=0)
    loader = DataLoader(train_set, batch_size=per_gpu_batch, sampler=sampler,
                        num_workers=12, pin_memory=True, drop_last=True)

    model = torchvision.models.resnet50(num_classes=1000)
    model = model.to(device, memory_format=torch.channels_last)
    model = DDP(model, device_ids=[local_rank])
    optimizer = torch.optim.SGD(model.parameters(), lr=base_lr, momentum=0.9, weight_decay=1e-4)
    total_steps = epochs * len(loader)
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: 0.5 * (1.0 + math.cos(math.pi * s / total_steps)))

    step = 0
    for epoch in range(epochs):
        sampler.set_epoch(epoch)
        model.train()
        for images, labels in loader:
            images = images.to(device, non_blocking=True, memory_format=torch.channels_last)
            labels = labels.to(device, non_blocking=True)

            with torch.autocast("cuda", dtype=torch.bfloat16):
                logits = model(images)
                loss = F.cross_entropy(logits, labels)

            optimizer.zero_grad(set_to_none=True)
            # DDP already averages the gradients over the replicas during backward
            loss.backward()
            gnorm = grad_norm(model)
            optimizer.step()
            scheduler.step()

            if step % log_every == 0:
                stats = torch.stack([loss.detach().float(), gnorm])
                dist.all_reduce(stats)  # sum over ranks
                stats /= world_size
                if rank == 0:
                    print(f"epoch {epoch} step {step} loss {stats[0]:.4f} "
                          f"grad_norm {stats[1]:.4f} lr {scheduler.get_last_lr()[0]:.5f}")
            step += 1

        top1, top5 = evaluate(model, val_set, device)
        if rank == 0:
            print(f"epoch {epoch} val top1 {top1:.2f} top5 {top5:.2f}")
            torch.save(model.module.state_dict(), f"checkpoints/resnet50_epoch{epoch}.pt")

    dist.destroy_process_group()


if __name__ == "__main__":
    main()
