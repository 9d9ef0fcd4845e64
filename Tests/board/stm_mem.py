# stm.mem8/16/32 and machine.mem*: the GPIO registers are the pins (RM0090 8.4: MODER 2 bits a pin,
# 00 input 01 output 10 AF 11 analog; OTYPER 1 = open drain; PUPDR 01 up 10 down; IDR/ODR; BSRR
# low half sets, high half resets, BSRRL/BSRRH its half-words; AFR0/AFR1 4 bits a pin). Other
# peripheral registers hold what is written; mem32 reads are signed (machine docs); unaligned
# or unmapped addresses raise.
import stm, machine, pyb

print(stm.mem8, stm.mem16, stm.mem32)
print(machine.mem32 is stm.mem32, machine.mem8 is stm.mem8)
print(hex(stm.GPIOA), hex(stm.GPIOB), hex(stm.GPIOD), hex(stm.RCC), hex(stm.TIM2), hex(stm.USART6))
print(stm.GPIO_MODER, stm.GPIO_IDR, stm.GPIO_ODR, stm.GPIO_BSRR, stm.GPIO_BSRRL, stm.GPIO_BSRRH, stm.GPIO_AFR1)
print(hex(stm.RCC_APB1ENR), hex(stm.TIM_CNT), hex(stm.USART_BRR), hex(stm.RTC_BKP0R), hex(stm.RTC_BKP19R))

# the red LED is PA13, an output since boot: BSRR drives it as LED(1).on()/off()
red = pyb.Pin('LED_RED')
print('red', red.value())
stm.mem32[stm.GPIOA + stm.GPIO_BSRR] = 1 << 13
print('red', red.value(), (stm.mem32[stm.GPIOA + stm.GPIO_ODR] >> 13) & 1)
stm.mem32[stm.GPIOA + stm.GPIO_BSRR] = 1 << (13 + 16)
print('red', red.value())
stm.mem16[stm.GPIOA + stm.GPIO_BSRRL] = 1 << 13
print('red', red.value())
stm.mem16[stm.GPIOA + stm.GPIO_BSRRH] = 1 << 13
print('red', red.value())
print('bsrr reads', stm.mem32[stm.GPIOA + stm.GPIO_BSRR])

# X1 = PA0: modes written through MODER/OTYPER/PUPDR show up in the Pin, and back
x1 = pyb.Pin('X1', pyb.Pin.OUT_PP)
print('moder', stm.mem32[stm.GPIOA + stm.GPIO_MODER] & 3)
stm.mem32[stm.GPIOA + stm.GPIO_MODER] &= ~3
stm.mem32[stm.GPIOA + stm.GPIO_PUPDR] = (stm.mem32[stm.GPIOA + stm.GPIO_PUPDR] & ~3) | 1
print(x1, x1.value(), stm.mem32[stm.GPIOA + stm.GPIO_IDR] & 1)
stm.mem32[stm.GPIOA + stm.GPIO_PUPDR] = (stm.mem32[stm.GPIOA + stm.GPIO_PUPDR] & ~3) | 2
print(x1, x1.value())
stm.mem32[stm.GPIOA + stm.GPIO_OTYPER] |= 1
stm.mem32[stm.GPIOA + stm.GPIO_MODER] = (stm.mem32[stm.GPIOA + stm.GPIO_MODER] & ~3) | 1
print(x1)
x1.init(pyb.Pin.ANALOG)
print('moder', stm.mem32[stm.GPIOA + stm.GPIO_MODER] & 3)
# Y9 = PB10 in AF4 (I2C2_SCL): AFR1 bits 8..11
y9 = pyb.Pin('Y9', pyb.Pin.AF_OD, af=pyb.Pin.AF4_I2C2)
print('afr1', (stm.mem32[stm.GPIOB + stm.GPIO_AFR1] >> 8) & 15, 'moder', (stm.mem32[stm.GPIOB + stm.GPIO_MODER] >> 20) & 3,
      'otyper', (stm.mem32[stm.GPIOB + stm.GPIO_OTYPER] >> 10) & 1)

# plain registers, signed reads, sub-word access
stm.mem32[stm.TIM2 + stm.TIM_ARR] = 0xFFFFFFFF
print(stm.mem32[stm.TIM2 + stm.TIM_ARR], stm.mem32[stm.TIM2 + stm.TIM_ARR] & 0xFFFFFFFF)
print(stm.mem16[stm.TIM2 + stm.TIM_ARR + 2], stm.mem8[stm.TIM2 + stm.TIM_ARR + 3])
stm.mem8[stm.TIM2 + stm.TIM_ARR + 1] = 0x12
print(hex(stm.mem32[stm.TIM2 + stm.TIM_ARR] & 0xFFFFFFFF))
stm.mem32[stm.RTC + stm.RTC_BKP3R] = 123456
print(stm.mem32[stm.RTC + stm.RTC_BKP3R])

# chip identification
print(hex(stm.mem32[stm.DBGMCU + stm.DBGMCU_IDCODE] & 0xFFF))
print(bytes(stm.mem8[0x1FFF7A10 + i] for i in range(12)) == machine.unique_id())
print('flash KiB', stm.mem16[0x1FFF7A22])

# the interpreter's own memory reads; writes into flash or the heap are refused
print(stm.mem8[0x080FFFF0])
for addr, access in ((0x60000000, stm.mem32), (0x08000002, stm.mem32), (0x20000001, stm.mem16), (0x40008000, stm.mem8)):
    try:
        access[addr]
    except (OSError, ValueError) as e:
        print(type(e).__name__)
for addr in (0x08000000, 0x20000100):
    try:
        stm.mem32[addr] = 1
    except OSError as e:
        print('OSError')
try:
    stm.mem32['x']
except TypeError:
    print('TypeError')
