import Foundation
import RecurSweep
import RecurTraining

/// What `recur run` shows while it trains: on a terminal one progress line redrawn in place
/// (step, training loss, last evaluation loss, steps per second, time left); otherwise a plain
/// line per evaluation, for logs.
final class RunDisplay {
  private let isTerminal: Bool
  private let started = ContinuousClock.now
  private var lastDraw: ContinuousClock.Instant?
  private var steps = 0
  private var lastEvalLoss: Float?
  private var drewProgress = false

  /// Shortest time between two redraws of the progress line.
  private static let redrawInterval = Duration.milliseconds(100)

  init(isTerminal: Bool) {
    self.isTerminal = isTerminal
  }

  func show(_ event: TrainingEvent, spec: TrialSpec) {
    switch event {
    case .started(let start):
      steps = start.steps
      StandardStreams.out(RunText.header(spec: spec, start: start) + "\n")
    case .progress(let progress):
      guard isTerminal else { return }
      let now = ContinuousClock.now
      if let lastDraw, lastDraw.duration(to: now) < Self.redrawInterval,
        progress.step < progress.steps
      {
        return
      }
      lastDraw = now
      draw(step: progress.step, trainLoss: progress.trainLoss)
    case .record(let record):
      if let evalLoss = record.evalLoss { lastEvalLoss = evalLoss }
      guard record.evalLoss != nil || record.trainLoss?.isFinite == false else { return }
      if isTerminal {
        draw(step: record.step, trainLoss: record.trainLoss)
      } else {
        StandardStreams.out(
          RunText.evaluationLine(record, steps: steps, rate: rate(record.step)) + "\n")
      }
    }
  }

  /// Ends the progress line, so that what follows starts on a line of its own.
  func finish() {
    if drewProgress { StandardStreams.out("\n") }
    drewProgress = false
  }

  private func draw(step: Int, trainLoss: Float?) {
    let rate = rate(step)
    var line = "step \(step)/\(steps)  train \(RunText.number(trainLoss))"
    line += "  eval \(RunText.number(lastEvalLoss))"
    if let rate {
      line +=
        "  \(RunText.rate(rate)) steps/s  ETA \(RunText.duration(Double(steps - step) / rate))"
    }
    StandardStreams.out("\r" + line + "\u{1B}[K")
    drewProgress = true
  }

  /// Steps per second since the start, once there is something to measure.
  private func rate(_ step: Int) -> Double? {
    let elapsed = started.duration(to: .now).components
    let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    return step > 0 && seconds > 0 ? Double(step) / seconds : nil
  }
}
