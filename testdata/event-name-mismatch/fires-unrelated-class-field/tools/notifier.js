class Notifier {
  constructor(io) { this.io = io; }
}
