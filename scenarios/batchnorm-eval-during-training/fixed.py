import torch
import torch.nn as nn
from sensors import make_loaders  # batches of (features: float32 (B, 32), state label: int64 (B,))

train_loader, val_loader = make_loaders(batch_size=128)  # 51,200 training rows: 400 steps per epoch
# 8 hidden blocks of Linear -> BatchNorm -> ReLU, then a 10-way classification head
blocks = [nn.Sequential(nn.Linear(128 if i else 32, 128), nn.BatchNorm1d(128), nn.ReLU()) for i in range(8)]
model = nn.Sequential(*blocks, nn.Linear(128, 10)).cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
loss_fn = nn.CrossEntropyLoss()

model.eval()  # sanity check: the untrained model should score about chance on validation
with torch.no_grad():
    x, y = next(iter(val_loader))
    print(f"untrained val loss: {loss_fn(model(x.cuda()), y.cuda()).item():.3f}")

for epoch in range(20):
    model.train()
    for step, (x, y) in enumerate(train_loader):
        loss = loss_fn(model(x.cuda()), y.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 50 == 0:
            print(f"epoch {epoch} step {step}: loss {loss.item():.3f}")
