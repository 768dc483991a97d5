import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from tickets import TicketClassifier, TicketDataset  # 6-layer encoder, 40 ticket categories


def evaluate(model, loader, device):
    model.eval()
    total_loss, correct, seen = 0.0, 0, 0
    for batch in loader:
        input_ids = batch["input_ids"].to(device)
        attention_mask = batch["attention_mask"].to(device)
        labels = batch["labels"].to(device)
        logits = model(input_ids, attention_mask)
        loss = F.cross_entropy(logits, labels)
        total_loss += loss
        correct += (logits.argmax(dim=-1) == labels).sum().item()
        seen += labels.numel()
    model.train()
    return total_loss / len(loader), correct / seen


def main(epochs: int = 10, lr: float = 3e-5):
    device = torch.device("cuda")
    train_loader = DataLoader(TicketDataset("train", max_len=128), batch_size=32,
                              shuffle=True, num_workers=4, pin_memory=True)
    val_loader = DataLoader(TicketDataset("val", max_len=128), batch_size=32, num_workers=4)
    model = TicketClassifier(num_labels=40).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)

    history = []
    for epoch in range(1, epochs + 1):
        model.train()
        for step, batch in enumerate(train_loader):
            input_ids = batch["input_ids"].to(device)
            attention_mask = batch["attention_mask"].to(device)
            labels = batch["labels"].to(device)
            logits = model(input_ids, attention_mask)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            if step % 200 == 0:
                print(f"epoch {epoch} step {step} train loss {loss.item():.4f}")

        val_loss, val_acc = evaluate(model, val_loader, device)
        history.append(val_loss)
        print(f"epoch {epoch} val loss {val_loss:.4f} val acc {val_acc:.3f}")
        if val_loss <= min(history):
            torch.save(model.state_dict(), "checkpoints/best.pt")


if __name__ == "__main__":
    main()
