import MicroPythonCore

// Adds the timing classes to the board's modules: pyb.Timer/UART/RTC/ADC/ADCAll/DAC/Servo/CAN
// (with pyb.servo/pwm) and machine.Timer/UART/RTC/ADC/PWM/CAN (on the stm32 port machine.UART and
// machine.RTC are the pyb
// classes). Registered with the board's modules, before their first import.

enum TimingBindings {
    static func pybEntries() -> [(String, PyEntry)] {
        [("Timer", .value(ObjTimer.type)), ("UART", .value(ObjUART.type)), ("RTC", .value(ObjRTC.type)),
         ("ADC", .value(ObjADC.adcType)), ("ADCAll", .value(ObjADC.allType)), ("DAC", .value(ObjDAC.type)),
         ("Servo", .value(ObjServo.type)), ("CAN", .value(ObjPybCAN.type))] + PybServoFunctions.entries()
    }

    static func machineEntries() -> [(String, PyEntry)] {
        [("Timer", .value(MachineTimer.type)), ("UART", .value(ObjUART.type)), ("RTC", .value(ObjRTC.type)),
         ("ADC", .value(ObjADC.machineType)), ("PWM", .value(MachinePWM.type)), ("CAN", .value(MachineCAN.type))]
    }

    static func register() {
        Py.extendModule("pyb", pybEntries)
        Py.extendModule("machine", machineEntries)
    }
}
