import torch
import torch.nn as nn
from torch.utils.data import DataLoader, TensorDataset

# 50,000 past orders: "features" (50000, 20) and "target" (50000, 1), both standardised
data = torch.load("data/delivery_train.pt")
loader = DataLoader(TensorDataset(data["features"], data["target"]), batch_size=32, shuffle=True)

model = nn.Sequential(nn.Linear(20, 64), nn.ReLU(), nn.Linear(64, 1))
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

step, running_loss = 0, 0.0
for epoch in range(10):
    for features, target in loader:
        prediction = model(features)
        loss = loss_fn(prediction, target)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
        step += 1
        if step % 50 == 0:
            print(f"step {step}: mean loss over the last 50 steps {running_loss / 50:.4f}")
            running_loss = 0.0
