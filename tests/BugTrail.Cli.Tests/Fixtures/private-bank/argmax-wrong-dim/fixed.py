import torch


def train(model, train_loader, val_loader, optimizer, criterion, device, epochs=20):
    for epoch in range(1, epochs + 1):
        model.train()
        for images, labels in train_loader:
            loss = criterion(model(images.to(device)), labels.to(device))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

        model.eval()
        val_loss, correct, seen = 0.0, 0, 0
        with torch.no_grad():
            for images, labels in val_loader:
                images, labels = images.to(device), labels.to(device)
                logits = model(images)  # (batch, num_classes)
                val_loss += criterion(logits, labels).item() * labels.size(0)
                preds = logits.argmax(dim=1)
                correct += (preds == labels).sum().item()
                seen += labels.size(0)
        print(f"epoch {epoch}: val loss {val_loss / seen:.3f}, val acc {correct / seen:.3f}")
