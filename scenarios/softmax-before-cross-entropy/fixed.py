import torch
import torch.nn as nn
from digits import make_loader  # batches of normalised 28×28 grayscale digit crops, labels 0–9

loader = make_loader("train", batch_size=64, shuffle=True)  # 60,000 images: 938 batches per epoch
model = nn.Sequential(
    nn.Conv2d(1, 32, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),   # -> 32 × 14 × 14
    nn.Conv2d(32, 64, kernel_size=3, padding=1), nn.ReLU(), nn.MaxPool2d(2),  # -> 64 × 7 × 7
    nn.Flatten(), nn.Linear(64 * 7 * 7, 128), nn.ReLU(), nn.Linear(128, 10),
).cuda()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(10):
    epoch_loss = 0.0
    for images, labels in loader:
        outputs = model(images.cuda())
        loss = criterion(outputs, labels.cuda())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        epoch_loss += loss.item()
    print(f"epoch {epoch}: mean training loss {epoch_loss / len(loader):.4f}")
